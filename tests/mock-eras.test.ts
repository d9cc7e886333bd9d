/**
 * The simulated clock decides the era: serverless instances before February 2025, Flex-backed
 * after, Deprecation and Sunset headers from December 2025, 410 VERSION_GONE past the sunset.
 * The Date header follows the clock; envelope and pretty apply to every answer; bearer tokens
 * expire with the clock and can be revoked.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';

import { jacksonPretty } from '../mock/jackson-pretty.ts';
import {
  acceptFlex,
  createBody,
  demo,
  digestFetch,
  MockHarness,
  projectPath,
  type CallOptions,
  withMockCli,
} from './mock-harness.ts';

const serverless = `${projectPath()}/serverless`;
const harnesses: MockHarness[] = [];
after(() => Promise.all(harnesses.map((h) => h.close())));

function mockAt(iso: string): MockHarness {
  const harness = new MockHarness({ clockStart: new Date(iso), transitionMs: 60_000 });
  harnesses.push(harness);
  return harness;
}

describe('mock eras by clock', () => {
  it('should create serverless instances without deprecation headers before Feb 2025', async () => {
    const created = await mockAt('2024-06-01T00:00:00Z').call('POST', serverless, {
      body: createBody('era2024'),
    });
    assert.equal(created.status, 201);
    assert.equal(created.headers.deprecation, undefined);
    assert.match(String(created.headers.date), /^Sat, 01 Jun 2024 00:00:0\d GMT$/);
    const settings = created.json().providerSettings;
    assert.equal(settings.effectiveInstanceSizeName, undefined);
    assert.equal(created.json().serverlessBackupOptions.serverlessContinuousBackupEnabled, true);
  });

  it('should create Flex-backed instances without deprecation headers in June 2025', async () => {
    const created = await mockAt('2025-06-01T00:00:00Z').call('POST', serverless, {
      body: createBody('era2025', {
        serverlessBackupOptions: { serverlessContinuousBackupEnabled: true },
      }),
    });
    assert.equal(created.status, 201);
    assert.equal(created.headers.deprecation, undefined);
    assert.equal(created.headers.sunset, undefined);
    assert.equal(created.json().providerSettings.effectiveInstanceSizeName, 'FLEX');
    assert.equal(created.json().providerSettings.effectiveProviderName, 'TENANT');
  });

  it('should send Deprecation and Sunset in the default era, on errors too', async () => {
    const mock = new MockHarness();
    harnesses.push(mock);
    for (const answer of [
      await mock.call('POST', serverless, { body: createBody('eraDefault') }),
      await mock.call('POST', serverless, { body: createBody('eraDefault') }),
      await mock.call('GET', serverless),
      await mock.call('GET', `${serverless}/eraDefault`),
    ]) {
      assert.equal(answer.headers.deprecation, 'Wed, 10 Dec 2025 00:00:00 GMT');
      assert.equal(answer.headers.sunset, 'Thu, 15 Jan 2026 00:00:00 GMT');
    }
  });

  it('should answer 410 VERSION_GONE to the create past the sunset, yet list nothing', async () => {
    const mock = mockAt('2026-03-01T00:00:00Z');
    const gone = await mock.call('POST', serverless, { body: createBody('era2026') });
    assert.equal(gone.status, 410);
    assert.equal(gone.json().errorCode, 'VERSION_GONE');
    assert.equal(gone.headers.sunset, 'Thu, 15 Jan 2026 00:00:00 GMT');
    const list = await mock.call('GET', serverless);
    assert.equal(list.status, 200);
    assert.deepEqual(list.json().results, []);
    assert.equal((await mock.call('GET', `${serverless}/era2026`)).status, 404);
  });

  it('should give the GETs answering past the sunset a later Sunset of their own', async () => {
    const mock = mockAt('2026-03-01T00:00:00Z');
    await mock.app.inject({
      method: 'POST',
      url: '/__mock/operational-faults',
      payload: JSON.stringify({ kind: 'server-error', times: 1, method: 'GET' }),
      headers: { 'content-type': 'application/json' },
    });
    const reads = {
      'a 500 to a GET': await mock.call('GET', serverless),
      'the list': await mock.call('GET', serverless),
      'get one (404)': await mock.call('GET', `${serverless}/era2026`),
      'a refused page size': await mock.call('GET', `${serverless}?itemsPerPage=0`),
    };
    assert.equal(reads['a 500 to a GET'].status, 500);
    for (const [what, answer] of Object.entries(reads)) {
      assert.equal(answer.headers.deprecation, 'Wed, 10 Dec 2025 00:00:00 GMT', what);
      // The spec's x-sunset of both reads, 2027-01-15, in Atlas's format (mock/era.ts).
      assert.equal(answer.headers.sunset, 'Fri, 15 Jan 2027 00:00:00 GMT', what);
    }
    const sunset = String(reads['the list'].headers.sunset);
    assert.equal(new Date(sunset).toUTCString(), sunset, 'the weekday agrees with the date');
    for (const [method, path] of [
      ['POST', serverless],
      ['PATCH', `${serverless}/era2026`],
      ['DELETE', `${serverless}/era2026`],
    ] as const) {
      const gone = await mock.call(method, path, method === 'DELETE' ? {} : { body: {} });
      assert.equal(gone.status, 410, method);
      assert.equal(gone.headers.sunset, 'Thu, 15 Jan 2026 00:00:00 GMT', `${method} keeps its own`);
    }
  });

  it('should move eras when the control endpoint moves the clock', async () => {
    const mock = mockAt('2025-12-15T00:00:00Z');
    const moved = await mock.app.inject({
      method: 'POST',
      url: '/__mock/clock',
      payload: JSON.stringify({ at: '2026-02-01T00:00:00Z' }),
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(moved.json().era, 'gone');
    const gone = await mock.call('POST', serverless, { body: createBody('moved') });
    assert.equal(gone.status, 410);
    assert.match(String(gone.headers.date), /^Sun, 01 Feb 2026/);
  });
});

describe('mock envelope and pretty on every answer', () => {
  const mock = mockAt('2025-12-15T00:00:00Z');
  const flex = { headers: { accept: acceptFlex } };
  const cases: [string, string, string, CallOptions][] = [
    ['create 201', 'POST', serverless, { body: createBody('wrapped') }],
    ['duplicate 400', 'POST', serverless, { body: createBody('wrapped') }],
    ['get 200', 'GET', `${serverless}/wrapped`, {}],
    ['patch 200', 'PATCH', `${serverless}/wrapped`, { body: { tags: [] } }],
    ['flex 200', 'GET', `${projectPath()}/flexClusters/wrapped`, flex],
    ['delete 202', 'DELETE', `${serverless}/wrapped`, {}],
    ['missing 404', 'GET', `${serverless}/nothing`, {}],
    ['reader 401', 'DELETE', `${serverless}/x`, { as: demo.reader! }],
    ['challenge 401', 'GET', serverless, { as: 'nobody' }],
    ['version 406', 'GET', serverless, { headers: { accept: 'application/json' } }],
    ['route 404', 'GET', '/api/atlas/v2/unknown', {}],
  ];

  for (const [what, method, path, options] of cases) {
    it(`should envelope and indent the ${what} answer`, async () => {
      const plain = await mock.call(method, `${path}?pretty=true`, options);
      const parsed = JSON.parse(plain.text);
      assert.equal(plain.text, jacksonPretty(parsed));
      if (Object.keys(parsed).length > 0) assert.match(plain.text, /^\{\n {2}"/);
      // Some calls change state (a second create is a duplicate): compare within one answer.
      const wrapped = await mock.call(method, `${path}?envelope=true`, options);
      const body = wrapped.json();
      assert.equal(body.status, wrapped.status);
      assert.ok('content' in body, 'a single entity is wrapped in content');
    });
  }

  it('should add status to a list instead of wrapping it', async () => {
    const list = await mock.call('GET', `${serverless}?envelope=true&pretty=true`);
    assert.equal(list.json().status, 200);
    assert.ok(Array.isArray(list.json().results));
  });
});

describe('mock bearer tokens', () => {
  it('should refuse a token an hour later and a revoked token with 401', async () => {
    const mock = mockAt('2025-12-15T00:00:00Z');
    assert.equal((await mock.call('GET', serverless)).status, 200);
    mock.context.clock.set(new Date('2025-12-15T01:00:01Z'));
    const expired = await mock.call('GET', serverless);
    assert.equal(expired.status, 401);
    assert.equal(expired.json().detail, 'You are not authorized for this resource.');

    const fresh = new MockHarness();
    harnesses.push(fresh);
    const token = await fresh.bearer();
    const { clientId, clientSecret } = demo.serviceAccount;
    const basic = Buffer.from(`${clientId}:${clientSecret}`).toString('base64');
    const revoked = await fresh.app.inject({
      method: 'POST',
      url: '/api/oauth/revoke',
      headers: {
        authorization: `Basic ${basic}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: `token=${token}&token_type_hint=access_token`,
    });
    assert.equal(revoked.statusCode, 200);
    assert.equal((await fresh.call('GET', serverless)).status, 401);
  });

  it('should answer invalid_client to wrong client credentials', async () => {
    const mock = new MockHarness();
    harnesses.push(mock);
    const answer = await mock.app.inject({
      method: 'POST',
      url: '/api/oauth/token',
      headers: {
        authorization: `Basic ${Buffer.from('nobody:nothing').toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: 'grant_type=client_credentials',
    });
    assert.equal(answer.statusCode, 401);
    assert.equal(answer.json().error, 'invalid_client');
  });
});

describe('npm run mock --clock', () => {
  const withMockProcess = (clock: string, use: (baseUrl: string) => Promise<void>) =>
    withMockCli(['--clock', clock], use);

  // The demo key pair by digest, as the page's curl example sends it: the era logic runs only
  // for an authenticated caller.
  const create = (baseUrl: string, name: string) =>
    digestFetch(`${baseUrl}/api/atlas/v2/groups/${demo.project.id}/serverless?pretty=true`, {
      method: 'POST',
      headers: {
        accept: 'application/vnd.atlas.2023-01-01+json',
        'content-type': 'application/json',
      },
      body: JSON.stringify(createBody(name)),
    });

  it('should serve the Flex era without deprecation headers at --clock 2025-06-01', async () => {
    await withMockProcess('2025-06-01', async (baseUrl) => {
      const answer = await create(baseUrl, 'cliFlexEra');
      const text = await answer.text();
      assert.equal(answer.status, 201, text);
      const body = JSON.parse(text) as { providerSettings: Record<string, unknown> };
      assert.equal(body.providerSettings.effectiveInstanceSizeName, 'FLEX');
      assert.equal(answer.headers.get('deprecation'), null);
      assert.equal(answer.headers.get('sunset'), null);
      assert.match(answer.headers.get('date') ?? '', /^Sun, 01 Jun 2025/);
      const state = (await (await fetch(`${baseUrl}/__mock/state`)).json()) as { era: string };
      assert.equal(state.era, 'flex');
    });
  });

  it('should answer 410 VERSION_GONE at --clock 2026-03-01', async () => {
    await withMockProcess('2026-03-01', async (baseUrl) => {
      const answer = await create(baseUrl, 'cliGoneEra');
      const text = await answer.text();
      assert.equal(answer.status, 410, text);
      assert.equal((JSON.parse(text) as { errorCode: string }).errorCode, 'VERSION_GONE');
      assert.equal(answer.headers.get('x-error-code'), 'VERSION_GONE');
      assert.match(answer.headers.get('date') ?? '', /^Sun, 01 Mar 2026/);
      const state = (await (await fetch(`${baseUrl}/__mock/state`)).json()) as { era: string };
      assert.equal(state.era, 'gone');
    });
  });
});
