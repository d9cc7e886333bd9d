/**
 * The client's politeness towards live targets (lib/atlas-client.ts, lib/request-pacer.ts):
 * GETs retried after 5xx, 429 and dropped connections; a create POST sent again only when the
 * name is not found; Retry-After and RateLimit-Remaining honoured; a client-side rate; the run
 * tag on create bodies. Against a tiny node:http server (exact control of each answer) and the
 * mock's operational faults (POST /__mock/operational-faults).
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';

import { demoFixtures, loadWorld } from '../fixtures/world.ts';
import { AtlasClient, TargetUnreachable } from '../lib/atlas-client.ts';
import { RequestPacer, retryAfterMs } from '../lib/request-pacer.ts';
import { runTagKey } from '../lib/run-tag.ts';
import { defaultMockOptions, startMock, type RunningMock } from '../mock/server.ts';

type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;

const group = '6650a1b2c3d4e5f6a7b8c9d0';
const createPath = `/api/atlas/v2/groups/${group}/serverless`;
const noCredentials = { kind: 'digest', publicKey: 'k', privateKey: 'secret-never-sent' } as const;
const fastRetries = { maxRetries: 3, baseDelayMs: 1 };

/** A server answering each request with the next handler; it records what it received. */
async function scriptedServer(handlers: Handler[]) {
  const received: { method: string; url: string; body: string }[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push({ method: request.method ?? '', url: request.url ?? '', body });
      const handler = handlers[received.length - 1] ?? handlers[handlers.length - 1];
      handler?.(request, body, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Handler =>
  (_request, _body, response) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };
const drop: Handler = (request) => request.socket.destroy();

describe('the client retries politely', () => {
  it('should retry a GET after a 500 and a 502 and return the success', async () => {
    const server = await scriptedServer([
      json(500, { errorCode: 'UNEXPECTED_ERROR' }),
      (_q, _b, response) => {
        response.writeHead(502, { 'content-type': 'text/html' });
        response.end('<html>Bad Gateway</html>');
      },
      json(200, { results: [] }),
    ]);
    const client = new AtlasClient(server.baseUrl, noCredentials, { retry: fastRetries });
    const exchange = await client.send({ method: 'GET', path: createPath, auth: 'none' });
    await server.close();
    assert.equal(exchange.response.status, 200);
    assert.equal(exchange.attempts, 3);
    assert.equal(server.received.length, 3);
  });

  it('should retry a GET whose connection was dropped', async () => {
    const server = await scriptedServer([drop, json(200, { results: [] })]);
    const client = new AtlasClient(server.baseUrl, noCredentials, { retry: fastRetries });
    const exchange = await client.send({ method: 'GET', path: createPath, auth: 'none' });
    await server.close();
    assert.equal(exchange.response.status, 200);
    assert.equal(server.received.length, 2);
  });

  it('should give up after maxRetries and return the last answer', async () => {
    const server = await scriptedServer([json(503, { error: 503 })]);
    const client = new AtlasClient(server.baseUrl, noCredentials, { retry: fastRetries });
    const exchange = await client.send({ method: 'GET', path: createPath, auth: 'none' });
    await server.close();
    assert.equal(exchange.response.status, 503);
    assert.equal(server.received.length, 4, 'one attempt and three retries');
  });

  it('should not send a create again when the name lookup finds the instance', async () => {
    const server = await scriptedServer([
      json(500, { errorCode: 'UNEXPECTED_ERROR' }),
      json(200, { name: 'made-anyway' }),
    ]);
    const client = new AtlasClient(server.baseUrl, noCredentials, { retry: fastRetries });
    const exchange = await client.send({
      method: 'POST',
      path: createPath,
      body: { name: 'made-anyway' },
      auth: 'none',
    });
    await server.close();
    assert.equal(exchange.response.status, 500, 'the original answer is kept');
    assert.deepEqual(
      server.received.map((r) => `${r.method} ${r.url}`),
      [`POST ${createPath}`, `GET ${createPath}/made-anyway`],
    );
  });

  it('should send a create again only after the lookup says the name does not exist', async () => {
    const server = await scriptedServer([
      drop,
      json(404, { errorCode: 'SERVERLESS_INSTANCE_NOT_FOUND' }),
      json(201, { name: 'second-try' }),
    ]);
    const client = new AtlasClient(server.baseUrl, noCredentials, { retry: fastRetries });
    const exchange = await client.send({
      method: 'POST',
      path: createPath,
      body: { name: 'second-try' },
      auth: 'none',
    });
    await server.close();
    assert.equal(exchange.response.status, 201);
    assert.deepEqual(
      server.received.map((r) => r.method),
      ['POST', 'GET', 'POST'],
    );
  });

  it('should never send again a POST that is not a create', async () => {
    const server = await scriptedServer([drop]);
    const client = new AtlasClient(server.baseUrl, noCredentials, { retry: fastRetries });
    await assert.rejects(
      client.send({ method: 'POST', path: '/api/oauth/revoke', body: {}, auth: 'none' }),
      TargetUnreachable,
    );
    await server.close();
    assert.equal(server.received.length, 1);
  });

  it('should hand a 429 on a create to the caller and wait out its Retry-After', async () => {
    const server = await scriptedServer([
      json(429, { errorCode: 'RATE_LIMITED' }, { 'retry-after': '1' }),
      json(400, { errorCode: 'MISSING_ATTRIBUTE' }),
    ]);
    const client = new AtlasClient(server.baseUrl, noCredentials, { retry: fastRetries });
    const first = await client.send({ method: 'POST', path: createPath, body: {}, auth: 'none' });
    const started = Date.now();
    await client.send({ method: 'POST', path: createPath, body: {}, auth: 'none' });
    const waited = Date.now() - started;
    await server.close();
    assert.equal(first.response.status, 429, 'a check provoking 429 must see it');
    assert.ok(waited >= 900, `the next request waited ${waited} ms, Retry-After asked 1000`);
  });

  it('should add the run tag to create bodies only, after the tags sent', async () => {
    const server = await scriptedServer([json(201, {}), json(200, {})]);
    const client = new AtlasClient(server.baseUrl, noCredentials, { runTag: 'run-1' });
    const tags = [{ key: 'team', value: 'x' }];
    await client.send({
      method: 'POST',
      path: createPath,
      body: { name: 'a', tags },
      auth: 'none',
    });
    await client.send({ method: 'PATCH', path: `${createPath}/a`, body: { tags }, auth: 'none' });
    await server.close();
    assert.deepEqual(JSON.parse(server.received[0]?.body ?? '').tags, [
      ...tags,
      { key: runTagKey, value: 'run-1' },
    ]);
    assert.deepEqual(JSON.parse(server.received[1]?.body ?? '').tags, tags);
  });
});

describe('the request pacer', () => {
  function fakeTime() {
    let now = 1_000_000;
    const slept: number[] = [];
    return {
      now: () => now,
      sleep: async (ms: number) => {
        slept.push(ms);
        now += ms;
      },
      slept,
    };
  }

  it('should space requests by the configured rate', async () => {
    const time = fakeTime();
    const pacer = new RequestPacer(4, time.sleep, time.now);
    for (let i = 0; i < 5; i += 1) await pacer.waitForTurn();
    assert.deepEqual(time.slept, [250, 250, 250, 250]);
  });

  it('should hold every request after RateLimit-Remaining: 0 or a Retry-After', async () => {
    const time = fakeTime();
    const pacer = new RequestPacer(0, time.sleep, time.now);
    pacer.observe({ 'ratelimit-remaining': '0' });
    await pacer.waitForTurn();
    pacer.observe({ 'retry-after': '3' });
    await pacer.waitForTurn();
    assert.deepEqual(time.slept, [1000, 3000]);
  });

  it('should read Retry-After as seconds or as an HTTP date, and cap it', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    assert.equal(retryAfterMs('7', now), 7000);
    assert.equal(retryAfterMs('Thu, 01 Jan 2026 00:00:05 GMT', now), 5000);
    assert.equal(retryAfterMs('99999', now), 120_000);
    assert.equal(retryAfterMs('soon', now), undefined);
  });
});

describe("against the mock's operational faults", () => {
  let mock: RunningMock;
  const demo = demoFixtures(loadWorld());
  const owner = { kind: 'digest', ...demo.owner } as const;
  const arm = (spec: object) =>
    fetch(`${mock.baseUrl}/__mock/operational-faults`, {
      method: 'POST',
      body: JSON.stringify(spec),
    });

  before(async () => {
    mock = await startMock(defaultMockOptions());
  });
  after(async () => mock.close());

  it('should get through an HTML 502 and a dropped connection on a GET', async () => {
    assert.equal((await arm({ kind: 'bad-gateway', times: 1, method: 'GET' })).status, 201);
    assert.equal((await arm({ kind: 'drop', times: 1, method: 'GET' })).status, 201);
    const client = new AtlasClient(mock.baseUrl, owner, { retry: fastRetries });
    const exchange = await client.send({
      method: 'GET',
      path: `/api/atlas/v2/groups/${demo.project.id}/serverless`,
    });
    assert.equal(exchange.response.status, 200);
    assert.ok((exchange.attempts ?? 1) >= 2, 'the faults were met and retried');
  });

  it('should send a create again after a 500 once the lookup finds no such name', async () => {
    assert.equal((await arm({ kind: 'server-error', times: 1, method: 'POST' })).status, 201);
    const client = new AtlasClient(mock.baseUrl, owner, { retry: fastRetries });
    const body = {
      name: 'politeretry1',
      providerSettings: { backingProviderName: 'AWS', regionName: 'US_EAST_1' },
    };
    const path = `/api/atlas/v2/groups/${demo.project.id}/serverless`;
    const exchange = await client.send({ method: 'POST', path, body });
    // The fault answered before the mock created anything, so the lookup found no instance
    // and the create went out a second time, once.
    assert.equal(exchange.response.status, 201);
    assert.equal(exchange.attempts, 2);
  });
});
