/**
 * response_schema_conformance: every success body satisfies the instance contract and every
 * error body the error contract. A deviation always fails; documentation drift (what real
 * Atlas sends beyond the documentation) fails only with ATLAS_CONFORMANCE_STRICTNESS=fail.
 * Source: contracts/instance.schema.json, contracts/error.schema.json (x-source on each rule).
 */
import { describeCheck, expectConformingBody } from '../fixtures/checks.ts';
import { checkSampledAnswers } from '../fixtures/sample-property.ts';
import { test } from '../fixtures/test.ts';

test.describe('response_schema_conformance', () => {
  test('should answer every create with a body its contract allows', async ({
    client,
    target,
    names,
    budget,
    cleanup,
  }) => {
    await describeCheck('response_schema_conformance', 'critical');

    await checkSampledAnswers(
      { client, target, names, budget, cleanup },
      'every body satisfies its contract',
      (_sample, { exchange }) => {
        const status = exchange.response.status;
        if (exchange.response.text === '') return;
        const contract = status < 300 ? 'instance' : 'error';
        expectConformingBody(
          'response_schema_conformance',
          contract,
          exchange,
          target.config.strictness,
        );
      },
    );
  });
});
