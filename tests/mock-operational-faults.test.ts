/**
 * Operational faults on demand, on the wire: armed by configuration or through the control
 * endpoint, they make the next matching calls fail with a 500 UNEXPECTED_ERROR, an HTML 502, a
 * dropped connection, or arrive late; then the mock answers normally again.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { parseOperationalFault } from '../mock/cli-options.ts';
import { defaultMockOptions, startMock, type RunningMock } from '../mock/server.ts';
import { acceptV1, demo } from './mock-harness.ts';

let mock: RunningMock;
let token: string;

before(async () => {
  mock = await startMock(
    defaultMockOptions({
      operationalFaults: [{ kind: 'bad-gateway', times: 1, pathPrefix: '/api/atlas' }],
    }),
  );
  const { clientId, clientSecret } = demo.serviceAccount;
  const answer = await fetch(`${mock.baseUrl}/api/oauth/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  token = ((await answer.json()) as { access_token: string }).access_token;
});
after(() => mock.close());

const list = () =>
  fetch(`${mock.baseUrl}/api/atlas/v2/groups/${demo.project.id}/serverless`, {
    headers: { accept: acceptV1, authorization: `Bearer ${token}` },
  });

async function arm(spec: object): Promise<Response> {
  return fetch(`${mock.baseUrl}/__mock/operational-faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(spec),
  });
}

describe('mock operational faults', () => {
  it('should answer the configured HTML 502 once, then normally', async () => {
    const first = await list();
    assert.equal(first.status, 502);
    assert.match(first.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(await first.text(), /<title>502 Bad Gateway<\/title>/);
    assert.equal((await list()).status, 200);
  });

  it('should answer 500 UNEXPECTED_ERROR the armed number of times', async () => {
    assert.equal((await arm({ kind: 'server-error', times: 2 })).status, 201);
    for (let i = 0; i < 2; i += 1) {
      const failed = await list();
      assert.equal(failed.status, 500);
      const body = (await failed.json()) as { errorCode: string };
      assert.equal(body.errorCode, 'UNEXPECTED_ERROR');
    }
    assert.equal((await list()).status, 200);
  });

  it('should send the era’s Deprecation and Sunset on the 500 of /serverless', async () => {
    // The default clock (2025-12-15) is in the deprecated era.
    await arm({ kind: 'server-error', times: 1 });
    const failed = await list();
    assert.equal(failed.status, 500);
    assert.equal(failed.headers.get('deprecation'), 'Wed, 10 Dec 2025 00:00:00 GMT');
    assert.equal(failed.headers.get('sunset'), 'Thu, 15 Jan 2026 00:00:00 GMT');
    assert.equal(failed.headers.get('x-error-code'), 'UNEXPECTED_ERROR');

    await arm({ kind: 'server-error', times: 1, pathPrefix: '/api/oauth' });
    const token = await fetch(`${mock.baseUrl}/api/oauth/token`, { method: 'POST' });
    assert.equal(token.status, 500);
    assert.equal(
      token.headers.get('deprecation'),
      null,
      'only the serverless version is deprecated',
    );
  });

  it('should leave Deprecation off the 500 before December 2025', async () => {
    const early = await startMock(
      defaultMockOptions({
        clockStart: new Date('2025-06-01T00:00:00Z'),
        operationalFaults: [{ kind: 'server-error', times: 1 }],
      }),
    );
    try {
      const failed = await fetch(
        `${early.baseUrl}/api/atlas/v2/groups/${demo.project.id}/serverless`,
        { headers: { accept: acceptV1 } },
      );
      assert.equal(failed.status, 500);
      assert.equal(failed.headers.get('deprecation'), null);
      assert.equal(failed.headers.get('sunset'), null);
    } finally {
      await early.close();
    }
  });

  it('should drop the connection without an answer', async () => {
    await arm({ kind: 'drop', times: 1, method: 'GET' });
    await assert.rejects(list(), /fetch failed/);
    assert.equal((await list()).status, 200);
  });

  it('should add latency, list the armed faults, and disarm them', async () => {
    await arm({ kind: 'latency', latencyMs: 300 });
    const state = await (await fetch(`${mock.baseUrl}/__mock/operational-faults`)).json();
    assert.equal((state as { armed: { kind: string }[] }).armed[0]?.kind, 'latency');
    const started = Date.now();
    assert.equal((await list()).status, 200);
    assert.ok(Date.now() - started >= 290, 'the answer came late');
    await fetch(`${mock.baseUrl}/__mock/operational-faults`, { method: 'DELETE' });
    const cleared = await (await fetch(`${mock.baseUrl}/__mock/operational-faults`)).json();
    assert.deepEqual(cleared, { armed: [] });
  });

  it('should leave paths outside the prefix alone and refuse a malformed fault', async () => {
    await arm({ kind: 'server-error', pathPrefix: '/api/oauth' });
    assert.equal((await list()).status, 200);
    await fetch(`${mock.baseUrl}/__mock/operational-faults`, { method: 'DELETE' });
    const bad = await arm({ kind: 'meltdown' });
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { error: string }).error, /^kind must be one of/);
  });

  it('should read --operational-fault values', () => {
    assert.deepEqual(parseOperationalFault('drop*3'), {
      ok: true,
      value: { kind: 'drop', times: 3 },
    });
    assert.deepEqual(parseOperationalFault('server-error'), {
      ok: true,
      value: { kind: 'server-error' },
    });
    for (const bad of ['latency', 'drop*0', 'nothing', 'drop*2*3']) {
      assert.equal(parseOperationalFault(bad).ok, false, bad);
    }
  });
});
