/**
 * `POST /__mock/reset` puts the mock back in the state it started in: the clock at its start
 * setting (and so its era), no instance but the world's seeded Flex clusters, no bearer token,
 * full rate-limit buckets, and the operational faults it was started with, none used.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';

import { createBody, demo, MockHarness, projectPath } from './mock-harness.ts';

const serverless = `${projectPath()}/serverless`;
const startFault = { kind: 'bad-gateway', times: 1, pathPrefix: '/api/atlas' } as const;
const mock = new MockHarness({
  clockStart: new Date('2025-12-15T00:00:00Z'),
  transitionMs: 60_000,
  rateLimit: { capacity: 6, refillCount: 1, refillSeconds: 3600 },
  operationalFaults: [startFault],
});
after(() => mock.close());

async function control(method: 'GET' | 'POST', path: string, body?: unknown) {
  const answer = await mock.app.inject({
    method,
    url: `/__mock/${path}`,
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    headers: { 'content-type': 'application/json' },
  });
  return answer.json();
}

const asOwner = { as: demo.owner };

describe('mock reset', () => {
  it('should put the clock, instances, tokens, buckets and operational faults back', async () => {
    // Change everything a reset restores: spend the start fault, create, move the clock into
    // the gone era, take a bearer token there (it would live an hour past the reset), arm
    // another fault and empty the project's bucket.
    const get = () => mock.call('GET', serverless, asOwner);
    // One request, without credentials: a digest call would spend the fault on its challenge.
    const gateway = async () => (await mock.call('GET', serverless, { as: 'nobody' })).status;
    assert.equal(await gateway(), 502, 'the fault armed at start');
    const created = await mock.call('POST', serverless, { ...asOwner, body: createBody('early') });
    assert.equal(created.status, 201);
    assert.equal((await control('POST', 'clock', { at: '2026-02-01T00:00:00Z' })).era, 'gone');
    assert.equal((await mock.call('GET', serverless)).status, 200, 'a bearer token of 2026');
    await control('POST', 'operational-faults', { kind: 'server-error', pathPrefix: '/nowhere' });
    let status = 0;
    for (let i = 0; i < 10 && status !== 429; i += 1) status = (await get()).status;
    assert.equal(status, 429, 'the bucket is empty before the reset');

    assert.deepEqual(await control('POST', 'reset'), { reset: true });

    const state = await control('GET', 'state');
    assert.match(state.now, /^2025-12-15T00:00:0\d/, 'the clock is back at its start setting');
    assert.equal(state.era, 'deprecated');
    assert.deepEqual(state.operationalFaults, [{ ...startFault, used: 0 }]);

    assert.equal(await gateway(), 502, 'the fault armed at start is armed again');
    const list = await get();
    assert.equal(list.status, 200, 'the bucket is full again');
    assert.deepEqual(list.json().results, [], 'the instance created before is forgotten');
    assert.equal(list.headers.sunset, 'Thu, 15 Jan 2026 00:00:00 GMT', 'the deprecated era');
    assert.match(String(list.headers.date), /^Mon, 15 Dec 2025/);
    const withOldToken = await mock.call('GET', serverless);
    assert.equal(withOldToken.status, 401, 'a token issued before the reset is forgotten');
  });
});
