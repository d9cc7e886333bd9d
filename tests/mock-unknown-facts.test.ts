/**
 * The answers real Atlas never showed are settings with documented defaults
 * (mock/unknown-facts.ts): the region Atlas knows but the era does not offer, a non-boolean
 * `envelope` or `pretty`, and the enveloped status. Each is read from MockOptions, from the
 * `npm run mock` flags and from the ATLAS_MOCK_* variables of the embedded mock.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';

import { embeddedMockOptionsFromEnv } from '../cli/embedded-mock-env.ts';
import { ConfigError } from '../lib/config.ts';
import type { MockOptions } from '../mock/options.ts';
import { defaultMockOptions } from '../mock/server.ts';
import { defaultUnknownFacts } from '../mock/unknown-facts.ts';
import {
  createBody,
  demo,
  digestFetch,
  MockHarness,
  projectPath,
  withMockCli,
} from './mock-harness.ts';

const serverless = `${projectPath()}/serverless`;
const harnesses: MockHarness[] = [];
after(() => Promise.all(harnesses.map((h) => h.close())));

function mockWith(overrides: Partial<MockOptions>): MockHarness {
  const harness = new MockHarness(overrides);
  harnesses.push(harness);
  return harness;
}

let counter = 0;
const createIn = (mock: MockHarness, provider: string, region: string, query = '') =>
  mock.call('POST', `${serverless}${query}`, {
    body: {
      name: `facts${(counter += 1)}`,
      providerSettings: { backingProviderName: provider, regionName: region },
    },
  });

describe('mock regions by era', () => {
  const serverlessEra = new Date('2024-06-01T00:00:00Z');
  const flexEra = new Date('2025-06-01T00:00:00Z');

  it('should offer the serverless list before Feb 2025 and the Flex list after', async () => {
    const before = mockWith({ clockStart: serverlessEra, notOfferedRegion: 'region-unavailable' });
    const afterwards = mockWith({ clockStart: flexEra, notOfferedRegion: 'region-unavailable' });
    // Azure US_EAST: a serverless region (regions.json `serverless`) that Flex does not offer.
    assert.equal((await createIn(before, 'AZURE', 'US_EAST')).status, 201);
    assert.equal((await createIn(afterwards, 'AZURE', 'US_EAST')).status, 409);
    // AWS SA_EAST_1: a Flex region with no evidence of serverless instances.
    assert.equal((await createIn(before, 'AWS', 'SA_EAST_1')).status, 409);
    assert.equal((await createIn(afterwards, 'AWS', 'SA_EAST_1')).status, 201);
    // Offered in both eras.
    assert.equal((await createIn(before, 'GCP', 'CENTRAL_US')).status, 201);
    assert.equal((await createIn(afterwards, 'GCP', 'CENTRAL_US')).status, 201);
  });
});

describe('mock answer to a known region the era does not offer', () => {
  // AWS EU_WEST_2 is an Atlas region (regions.json `all`) offered neither for Flex nor serverless.
  it('should answer 400 INVALID_REGION [region, provider] by default', async () => {
    assert.equal(defaultMockOptions().notOfferedRegion, 'invalid-region');
    const answer = await createIn(mockWith({}), 'AWS', 'EU_WEST_2');
    assert.equal(answer.status, 400);
    assert.equal(answer.json().errorCode, 'INVALID_REGION');
    assert.deepEqual(answer.json().parameters, ['EU_WEST_2', 'AWS']);
  });

  it('should answer 409 REGION_UNAVAILABLE when set to region-unavailable', async () => {
    const answer = await createIn(
      mockWith({ notOfferedRegion: 'region-unavailable' }),
      'AWS',
      'EU_WEST_2',
    );
    assert.equal(answer.status, 409);
    assert.equal(answer.json().errorCode, 'REGION_UNAVAILABLE');
    assert.equal(answer.json().detail, 'The selected region [EU_WEST_2] is unavailable for use.');
  });

  it('should answer 400 INVALID_ATTRIBUTE regionName when set to invalid-attribute', async () => {
    const mock = mockWith({ notOfferedRegion: 'invalid-attribute' });
    const answer = await createIn(mock, 'GCP', 'EASTERN_US');
    assert.equal(answer.status, 400);
    assert.equal(answer.json().errorCode, 'INVALID_ATTRIBUTE');
    assert.deepEqual(answer.json().parameters, ['regionName']);
  });

  it('should keep the confirmed INVALID_REGION for a name Atlas does not know', async () => {
    for (const setting of ['region-unavailable', 'invalid-attribute'] as const) {
      const mock = mockWith({ notOfferedRegion: setting });
      for (const [provider, region] of [
        ['AWS', 'oI'],
        ['AWS', 'us-east-1'],
        ['AZURE', 'CENTRAL_US'],
      ] as const) {
        const answer = await createIn(mock, provider, region);
        assert.equal(answer.status, 400, `${setting} ${provider} ${region}`);
        assert.equal(answer.json().errorCode, 'INVALID_REGION');
        assert.deepEqual(answer.json().parameters, [region, provider]);
      }
    }
  });
});

describe('mock reading of a non-boolean envelope or pretty', () => {
  it('should read it as false by default', async () => {
    assert.equal(defaultMockOptions().nonBooleanFlag, 'ignore');
    const mock = mockWith({});
    const answer = await createIn(mock, 'AWS', 'US_EAST_1', '?envelope=yes&pretty=1');
    assert.equal(answer.status, 201);
    assert.equal(answer.json().content, undefined, 'not enveloped');
    assert.doesNotMatch(answer.text, /\n/, 'not indented');
  });

  it('should answer 400 INVALID_QUERY_PARAMETER naming it when set to reject', async () => {
    const mock = mockWith({ nonBooleanFlag: 'reject' });
    for (const [query, flag] of [
      ['?envelope=yes', 'envelope'],
      ['?pretty=1', 'pretty'],
      ['?envelope=true&pretty=', 'pretty'],
    ] as const) {
      const answer = await createIn(mock, 'AWS', 'US_EAST_1', query);
      assert.equal(answer.status, 400, query);
      assert.equal(
        answer.json().errorCode ?? answer.json().content?.errorCode,
        'INVALID_QUERY_PARAMETER',
      );
      assert.equal(answer.headers['x-error-code'], 'INVALID_QUERY_PARAMETER');
      const body = answer.json().content ?? answer.json();
      assert.deepEqual(body.parameters, [flag], query);
    }
    const named = await createIn(mock, 'AWS', 'US_EAST_1', '?pretty=yes');
    assert.deepEqual(named.json(), {
      detail: 'Invalid query parameter pretty specified.',
      error: 400,
      errorCode: 'INVALID_QUERY_PARAMETER',
      parameters: ['pretty'],
      reason: 'Bad Request',
    });
    const fine = await createIn(mock, 'AWS', 'US_EAST_1', '?envelope=true&pretty=false');
    assert.equal(fine.status, 201);
    assert.equal(fine.json().status, 201);
  });
});

describe('mock unknown facts from the environment and the command line', () => {
  it('should read ATLAS_MOCK_* settings and refuse a value outside the choices', () => {
    assert.deepEqual(embeddedMockOptionsFromEnv({}).notOfferedRegion, undefined);
    const options = embeddedMockOptionsFromEnv({
      ATLAS_MOCK_ENVELOPE_STATUS: '200',
      ATLAS_MOCK_NOT_OFFERED_REGION: 'region-unavailable',
      ATLAS_MOCK_NON_BOOLEAN_FLAG: 'reject',
    });
    assert.equal(options.envelopeStatus, '200');
    assert.equal(options.notOfferedRegion, 'region-unavailable');
    assert.equal(options.nonBooleanFlag, 'reject');
    assert.throws(
      () => embeddedMockOptionsFromEnv({ ATLAS_MOCK_NON_BOOLEAN_FLAG: 'maybe' }),
      (error: unknown) =>
        error instanceof ConfigError &&
        error.problems.includes(
          'ATLAS_MOCK_NON_BOOLEAN_FLAG must be one of ignore, reject, not maybe',
        ),
    );
  });

  it('should keep today’s behaviour as the documented defaults', () => {
    assert.deepEqual(defaultUnknownFacts, {
      envelopeStatus: 'same',
      notOfferedRegion: 'invalid-region',
      nonBooleanFlag: 'ignore',
    });
  });

  it('should take --not-offered-region and --non-boolean-flag on npm run mock', async () => {
    const args = ['--not-offered-region', 'region-unavailable', '--non-boolean-flag', 'reject'];
    await withMockCli(args, async (baseUrl, banner) => {
      assert.ok(
        banner.some((line) =>
          line.includes('--not-offered-region region-unavailable, --non-boolean-flag reject'),
        ),
        banner.join('\n'),
      );
      const send = (query: string, regionName: string) =>
        digestFetch(`${baseUrl}/api/atlas/v2/groups/${demo.project.id}/serverless${query}`, {
          method: 'POST',
          headers: {
            accept: 'application/vnd.atlas.2023-01-01+json',
            'content-type': 'application/json',
          },
          body: JSON.stringify({
            ...createBody(`cli${regionName.replace(/_/g, '')}`),
            providerSettings: { backingProviderName: 'AWS', regionName },
          }),
        });
      const unavailable = await send('', 'EU_WEST_2');
      assert.equal(unavailable.status, 409, await unavailable.text());
      const rejected = await send('?pretty=yes', 'US_EAST_1');
      assert.equal(rejected.status, 400, await rejected.text());
    });
  });
});
