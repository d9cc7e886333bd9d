/**
 * The page's curl examples work against the mock unchanged but for the host: digest with the
 * demo key pair creates an instance (201), and so does a bearer token that curl fetched from
 * /api/oauth/token with the service account's client credentials.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';

import { demoFixtures, loadWorld } from '../fixtures/world.ts';
import { defaultMockOptions, startMock, type RunningMock } from '../mock/server.ts';

const demo = demoFixtures(loadWorld());
let mock: RunningMock;

before(async () => {
  mock = await startMock(defaultMockOptions());
});
after(async () => mock.close());

// Asynchronous on purpose: the mock answers from this process's event loop.
async function curl(args: string[]): Promise<{ status: number; body: string }> {
  const { stdout: out } = await promisify(execFile)('curl', [
    '-s',
    '-w',
    '\n%{http_code}',
    ...args,
  ]);
  const lines = out.split('\n');
  return { status: Number(lines.pop()), body: lines.join('\n') };
}

describe('real clients against the mock', () => {
  it('should create an instance with the documented curl --digest example', async () => {
    const body = JSON.stringify({
      name: 'curlDigestExample',
      providerSettings: {
        backingProviderName: 'AWS',
        providerName: 'SERVERLESS',
        regionName: 'US_EAST_1',
      },
      serverlessBackupOptions: { serverlessContinuousBackupEnabled: true },
      tags: [{ key: 'string', value: 'string' }],
      terminationProtectionEnabled: false,
    });
    const answer = await curl([
      '--user',
      `${demo.owner.publicKey}:${demo.owner.privateKey}`,
      '--digest',
      '--header',
      'Accept: application/vnd.atlas.2023-01-01+json',
      '--header',
      'Content-Type: application/json',
      '-X',
      'POST',
      `${mock.baseUrl}/api/atlas/v2/groups/${demo.project.id}/serverless?pretty=true`,
      '--data',
      body,
    ]);
    assert.equal(answer.status, 201, answer.body);
    assert.equal(JSON.parse(answer.body).name, 'curlDigestExample');
  });

  it('should create an instance with a bearer token fetched by curl', async () => {
    const { clientId, clientSecret } = demo.serviceAccount;
    const token = await curl([
      '--user',
      `${clientId}:${clientSecret}`,
      '--header',
      'Content-Type: application/x-www-form-urlencoded',
      '--header',
      'Accept: application/json',
      '-X',
      'POST',
      `${mock.baseUrl}/api/oauth/token`,
      '--data',
      'grant_type=client_credentials',
    ]);
    assert.equal(token.status, 200, token.body);
    const grant = JSON.parse(token.body) as { access_token: string; expires_in: number };
    assert.equal(grant.expires_in, 3600);

    const answer = await curl([
      '--header',
      `Authorization: Bearer ${grant.access_token}`,
      '--header',
      'Accept: application/vnd.atlas.2023-01-01+json',
      '--header',
      'Content-Type: application/json',
      '-X',
      'POST',
      `${mock.baseUrl}/api/atlas/v2/groups/${demo.project.id}/serverless`,
      '--data',
      JSON.stringify({
        name: 'curlBearerExample',
        providerSettings: { backingProviderName: 'AWS', regionName: 'US_EAST_1' },
      }),
    ]);
    assert.equal(answer.status, 201, answer.body);
    assert.equal(JSON.parse(answer.body).name, 'curlBearerExample');
  });
});
