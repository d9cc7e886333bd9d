/**
 * The planted faults themselves, without the suite: each changes what it claims and nothing
 * else, and the correct mock is untouched. Requests go through fastify's inject; the faults
 * that need no credentials are combined with auth-not-enforced, which stands in for a client.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { demoFixtures } from '../fixtures/world.ts';
import type { FaultId } from '../mock/faults.ts';
import { buildMockServer, defaultMockOptions } from '../mock/server.ts';

const options = defaultMockOptions();
const projectId = demoFixtures(options.world).project.id;
const accept = 'application/vnd.atlas.2023-01-01+json';
let counter = 0;

async function create(
  faults: FaultId[],
  {
    query = '',
    headers = {},
    name,
  }: { query?: string; headers?: Record<string, string>; name?: string } = {},
) {
  const { app } = buildMockServer({ ...options, faults: new Set(faults) });
  counter += 1;
  const body = {
    name: name ?? `faulttest${counter}`,
    providerSettings: { backingProviderName: 'AWS', regionName: 'US_EAST_1' },
  };
  const response = await app.inject({
    method: 'POST',
    url: `/api/atlas/v2/groups/${projectId}/serverless${query}`,
    headers: { accept, 'content-type': 'application/json', ...headers },
    payload: JSON.stringify(body),
  });
  await app.close();
  return response;
}

describe('the planted faults', () => {
  it('should leave the correct mock refusing a request without credentials', async () => {
    const response = await create([]);
    assert.equal(response.statusCode, 401);
    assert.match(
      String(response.headers['www-authenticate']),
      /algorithm=MD5, qop="auth", stale=false$/,
    );
  });

  it('should serve a request without credentials when auth is not enforced', async () => {
    const response = await create(['auth-not-enforced']);
    assert.equal(response.statusCode, 201, response.body);
  });

  it('should malform the digest challenge and nothing else', async () => {
    const response = await create(['digest-challenge-malformed']);
    assert.equal(response.statusCode, 401);
    assert.match(String(response.headers['www-authenticate']), /algorithm="MD5".*, charset=UTF-8$/);
  });

  it('should indent a compact answer when pretty is always on', async () => {
    const plain = await create(['auth-not-enforced']);
    const pretty = await create(['auth-not-enforced', 'pretty-always']);
    assert.doesNotMatch(plain.body, /\n/);
    assert.match(pretty.body, /\n {2}"/);
  });

  it('should state status 200 in the envelope of a refusal', async () => {
    const response = await create(['auth-not-enforced', 'envelope-status-wrong'], {
      query: '?envelope=true',
      name: '-bad',
    });
    const envelope = JSON.parse(response.body) as { status: number; content: { error: number } };
    assert.equal(response.statusCode, 400);
    assert.equal(envelope.status, 200);
    assert.equal(envelope.content.error, 400);
  });

  it('should serve a request without a version when Accept is not enforced', async () => {
    const refused = await create(['auth-not-enforced'], {
      headers: { accept: 'application/json' },
    });
    const served = await create(['auth-not-enforced', 'accept-not-enforced'], {
      headers: { accept: 'application/json' },
    });
    assert.equal(refused.statusCode, 406);
    assert.equal(served.statusCode, 201, served.body);
  });

  it('should create a name breaking the pattern only when the pattern is unchecked', async () => {
    const refused = await create(['auth-not-enforced'], { name: 'bad_name' });
    const created = await create(['auth-not-enforced', 'name-pattern-unchecked'], {
      name: 'bad_name',
    });
    assert.equal(refused.statusCode, 400);
    assert.equal(created.statusCode, 201, created.body);
  });
});
