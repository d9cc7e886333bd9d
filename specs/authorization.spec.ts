/**
 * authorization: a caller that is who it says but may not create here is refused: a key without
 * the Project Owner role (401 USER_UNAUTHORIZED), a key whose API access list leaves this
 * machine out (403 IP_ADDRESS_NOT_ON_ACCESS_LIST), a project whose organisation has no payment
 * method (402 NO_PAYMENT_INFORMATION_FOUND). Each needs a fixture only some targets have (the
 * embedded mock's world has all three; a live target names them in its settings); without it
 * the test is skipped with the setting that would enable it.
 * Source: endpoint.md 'Request' (Project Owner); atlas-behaviour.md §1 and §5.
 */
import type { ScenarioId } from '../contracts/catalogue.ts';
import { describeCheck, expectErrorAnswer } from '../fixtures/checks.ts';
import { createRequest } from '../fixtures/requests.ts';
import { skipPastSunset } from '../fixtures/skips.ts';
import { missingFixture, type FixtureName, type Target } from '../fixtures/target.ts';
import { test } from '../fixtures/test.ts';
import type { ApiRequest } from '../lib/atlas-client.ts';

interface Refusal {
  title: string;
  fixture: FixtureName;
  scenario: ScenarioId;
  /** Whether the refusal comes after the version check (and so turns into 410 past sunset). */
  afterVersionCheck: boolean;
  request(target: Target, name: string): ApiRequest;
}

const providerSettings = { backingProviderName: 'AWS', regionName: 'US_EAST_1' };

const refusals: Refusal[] = [
  {
    title: 'a key without the Project Owner role',
    fixture: 'readOnlyKey',
    scenario: 'missing-role',
    afterVersionCheck: true,
    request: (target, name) =>
      createRequest(
        target.projectId,
        { name, providerSettings },
        {
          auth: { digest: target.fixtures.readOnlyKey ?? { publicKey: '', privateKey: '' } },
        },
      ),
  },
  {
    title: 'a caller outside the API access list',
    fixture: 'fencedKey',
    scenario: 'not-on-access-list',
    afterVersionCheck: false,
    request: (target, name) =>
      createRequest(
        target.projectId,
        { name, providerSettings },
        {
          auth: { digest: target.fixtures.fencedKey ?? { publicKey: '', privateKey: '' } },
        },
      ),
  },
  {
    title: 'a project without a payment method',
    fixture: 'unpaidProjectId',
    scenario: 'no-payment-method',
    afterVersionCheck: true,
    request: (target, name) =>
      createRequest(target.fixtures.unpaidProjectId ?? '', { name, providerSettings }),
  },
];

test.describe('authorization', () => {
  for (const refusal of refusals) {
    test(`should refuse a create from ${refusal.title}`, async ({
      client,
      target,
      era,
      names,
      cleanup,
    }) => {
      await describeCheck('authorization', 'critical');
      const missing = missingFixture(target, refusal.fixture);
      test.skip(missing !== undefined, missing ?? '');
      if (refusal.afterVersionCheck) skipPastSunset(era);

      const name = names.next();
      const request = refusal.request(target, name);
      const exchange = await client.send(request);
      // A target that wrongly accepts has made an instance: the owner key deletes it.
      if (exchange.response.status < 300) {
        const groupId = /groups\/([^/]+)\//.exec(request.path)?.[1] ?? target.projectId;
        cleanup.track(groupId, name);
      }
      expectErrorAnswer('authorization', refusal.scenario, exchange, target.config.strictness);
    });
  }
});
