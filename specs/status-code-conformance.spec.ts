/**
 * status_code_conformance: every answer's status is one the contract documents for the
 * operation, or one the error catalogue knows real Atlas sends (406, 410, 415: recorded as
 * documentation drift); a success is exactly 201 Created.
 * Source: official-contract.md §3-4; atlas-behaviour.md §8 (every recorded create was 201).
 */
import { annotateOnce, describeCheck } from '../fixtures/checks.ts';
import { describeSample } from '../fixtures/request-samples.ts';
import {
  catalogueStatuses,
  documentedStatuses,
  successStatus,
} from '../fixtures/rules/operation-answers.ts';
import { checkSampledAnswers, sampleHalves } from '../fixtures/sample-property.ts';
import { expect, test } from '../fixtures/test.ts';

const knownStatuses = [...new Set([...documentedStatuses, ...catalogueStatuses])];

test.describe('status_code_conformance', () => {
  for (const half of sampleHalves) {
    test(`should answer every create with a documented status, 201 on success (${half})`, async ({
      client,
      target,
      names,
      budget,
      cleanup,
    }) => {
      await describeCheck('status_code_conformance', 'critical');
      const undocumented = new Set<number>();

      await checkSampledAnswers(
        { client, target, names, budget, cleanup },
        half,
        'every status is documented',
        (sample, { exchange }) => {
          const status = exchange.response.status;
          const label = describeSample(sample);
          expect(
            knownStatuses,
            `status_code_conformance: ${label} got ${status}, which the contract does not list`,
          ).toContain(status);
          if (status < 300) {
            expect(status, `status_code_conformance: a success must be ${successStatus}`).toBe(
              successStatus,
            );
          }
          if (!documentedStatuses.includes(status)) undocumented.add(status);
        },
      );
      for (const status of undocumented) {
        annotateOnce('documentation drift', `${status} is answered but not documented`);
      }
    });
  }
});
