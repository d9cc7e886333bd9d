/**
 * negative_data_rejection: requests that break a documented rule are refused with the answer
 * the error catalogue gives for that rule.
 * Source: endpoint.md (name pattern ^[a-zA-Z0-9][a-zA-Z0-9-]*$); error-catalogue.json.
 */
import { invalidName, type InvalidName } from '../fixtures/arbitraries/invalid-name.ts';
import { describeCheck, expectErrorAnswer } from '../fixtures/checks.ts';
import { checkProperty } from '../fixtures/property.ts';
import { createRequest } from '../fixtures/requests.ts';
import { test } from '../fixtures/test.ts';

test.describe('negative_data_rejection', () => {
  test('should refuse every name that breaks the documented pattern', async ({
    client,
    target,
    era,
    cleanup,
  }) => {
    await describeCheck('negative_data_rejection', 'critical');
    test.skip(era.era === 'gone', 'past the sunset every create is 410; see the sunset check');

    await checkProperty(
      'invalid names are refused',
      client,
      target.config,
      invalidName(),
      async (bad: InvalidName) => {
        const body = {
          name: bad.value,
          providerSettings: { backingProviderName: 'AWS', regionName: 'US_EAST_1' },
        };
        const exchange = await client.send(createRequest(target.projectId, body));
        if (exchange.response.status === 201) cleanup.track(target.projectId, bad.value);
        expectErrorAnswer(
          `negative_data_rejection (${bad.breaks})`,
          'name-invalid',
          exchange,
          target.config.strictness,
        );
      },
    );
  });
});
