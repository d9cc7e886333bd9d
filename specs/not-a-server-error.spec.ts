/**
 * not_a_server_error: no create, valid or invalid, is answered with a server error (5xx). A
 * 500 is documented, but only for Atlas's own faults: a request must never cause one.
 * Source: official-contract.md §3 (500 UNEXPECTED_ERROR); Schemathesis's check of that name.
 */
import { describeCheck } from '../fixtures/checks.ts';
import { describeSample } from '../fixtures/request-samples.ts';
import { checkSampledAnswers, sampleHalves } from '../fixtures/sample-property.ts';
import { expect, test } from '../fixtures/test.ts';

test.describe('not_a_server_error', () => {
  for (const half of sampleHalves) {
    test(`should never answer a create with a server error (${half})`, async ({
      client,
      target,
      names,
      budget,
      cleanup,
    }) => {
      await describeCheck('not_a_server_error', 'critical');

      await checkSampledAnswers(
        { client, target, names, budget, cleanup },
        half,
        'no create gets a 5xx',
        (sample, { exchange }) => {
          expect(
            exchange.response.status,
            `not_a_server_error: ${describeSample(sample)} must not get a server error`,
          ).toBeLessThan(500);
        },
      );
    });
  }
});
