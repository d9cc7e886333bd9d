/**
 * pretty_conformance: pretty=true returns the same JSON, indented; without it the body is
 * compact. Source: endpoint.md 'Query parameters' (pretty, default false).
 */
import { describeCheck } from '../fixtures/checks.ts';
import { checkProperty } from '../fixtures/property.ts';
import { createRequest } from '../fixtures/requests.ts';
import { expect, test } from '../fixtures/test.ts';
import { invalidName } from '../fixtures/arbitraries/invalid-name.ts';

test.describe('pretty_conformance', () => {
  test('should indent the same JSON when pretty=true', async ({ client, target }) => {
    await describeCheck('pretty_conformance');

    await checkProperty(
      'pretty answers are the plain ones indented',
      client,
      target.config,
      invalidName(),
      async (name) => {
        const body = {
          name: name.value,
          providerSettings: { backingProviderName: 'AWS', regionName: 'US_EAST_1' },
        };
        const plain = await client.send(createRequest(target.projectId, body));
        const pretty = await client.send(
          createRequest(target.projectId, body, { query: { pretty: 'true' } }),
        );

        expect(pretty.response.json, 'pretty=true must answer the same JSON').toEqual(
          plain.response.json,
        );
        expect(pretty.response.text, 'pretty=true must indent the body').toMatch(/\n\s+"/);
        expect(plain.response.text, 'without pretty the body must be compact').not.toMatch(/\n/);
      },
      { numRuns: Math.min(10, target.config.numRuns) },
    );
  });
});
