/**
 * version_negotiation: the Accept header must name the resource's version; without it, or with
 * an unknown or malformed one, Atlas answers 406 INVALID_VERSION_DATE.
 * Source: endpoint.md 'Request' (Accept: application/vnd.atlas.2023-01-01+json);
 * atlas-behaviour.md §3 (406). Dates between published versions are not asserted (§3).
 */
import { describeCheck, expectErrorAnswer } from '../fixtures/checks.ts';
import { createRequest } from '../fixtures/requests.ts';
import { test } from '../fixtures/test.ts';

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
});
