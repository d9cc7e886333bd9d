/**
 * version_negotiation: the Accept header must name the resource's version; without it, or with
 * an unknown, older or malformed one, Atlas answers 406 INVALID_VERSION_DATE. A success carries
 * the negotiated version as its Content-Type.
 * Source: endpoint.md 'Request' (Accept: application/vnd.atlas.2023-01-01+json);
 * atlas-behaviour.md §3 (406; versioned success media type). Dates between or after published
 * versions are not asserted: whether Atlas maps them down is unknown (§3).
 */
import { describeCheck, expectErrorAnswer } from '../fixtures/checks.ts';
import { createRequest } from '../fixtures/requests.ts';
import { parseMediaType } from '../fixtures/rules/operation-answers.ts';
import { skipPastSunset, takeCreations } from '../fixtures/skips.ts';
import { expect, test } from '../fixtures/test.ts';
import { atlasMediaType } from '../lib/atlas-client.ts';

const refusedAccepts: [string, string | undefined][] = [
  ['no Accept header', undefined],
  ['unversioned JSON', 'application/json'],
  ['a version before the first one', 'application/vnd.atlas.2022-01-01+json'],
  ['a malformed version', 'application/vnd.atlas.2023-13-45+json'],
  ['not a version', 'application/vnd.atlas.latest+json'],
];

test.describe('version_negotiation', () => {
  for (const [label, accept] of refusedAccepts) {
    test(`should answer 406 to ${label}`, async ({ client, target }) => {
      await describeCheck('version_negotiation');
      const body = {
        name: 'versioncheck',
        providerSettings: { backingProviderName: 'AWS', regionName: 'US_EAST_1' },
      };
      const exchange = await client.send(
        createRequest(target.projectId, body, { headers: { Accept: accept } }),
      );
      expectErrorAnswer(
        'version_negotiation',
        'version-not-acceptable',
        exchange,
        target.config.strictness,
      );
    });
  }

  test('should answer a success with the negotiated version as its media type', async ({
    client,
    target,
    era,
    names,
    budget,
    cleanup,
  }) => {
    await describeCheck('version_negotiation');
    skipPastSunset(era);
    takeCreations(budget, 1);
    const name = names.next();
    const body = {
      name,
      providerSettings: { backingProviderName: 'AWS', regionName: 'US_EAST_1' },
    };
    const exchange = await client.send(
      createRequest(target.projectId, body, { headers: { Accept: atlasMediaType } }),
    );
    if (exchange.response.status < 300) cleanup.track(target.projectId, name);

    expect(exchange.response.status, 'version_negotiation: the create must succeed').toBe(201);
    expect(
      parseMediaType(exchange.response.headers['content-type'])?.type,
      'version_negotiation: the success Content-Type must be the negotiated version',
    ).toBe(atlasMediaType);
  });
});
