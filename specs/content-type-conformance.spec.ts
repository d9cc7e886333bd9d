/**
 * content_type_conformance: a success body is the negotiated versioned media type, an error
 * body plain application/json, any charset UTF-8, and the body parses as what it says it is.
 * Source: endpoint.md 'Request' (Accept); atlas-behaviour.md §3 (recorded Content-Types).
 */
import { describeCheck } from '../fixtures/checks.ts';
import { describeSample } from '../fixtures/request-samples.ts';
import { contentTypeProblems } from '../fixtures/rules/operation-answers.ts';
import { checkSampledAnswers, sampleHalves } from '../fixtures/sample-property.ts';
import { expect, test } from '../fixtures/test.ts';

test.describe('content_type_conformance', () => {
  for (const half of sampleHalves) {
    test(`should label every answer with the media type of its body (${half})`, async ({
      client,
      target,
      names,
      budget,
      cleanup,
    }) => {
      await describeCheck('content_type_conformance');

      await checkSampledAnswers(
        { client, target, names, budget, cleanup },
        half,
        'every answer has its media type',
        (sample, { exchange }) => {
          const { status, headers, text, json } = exchange.response;
          const problems = contentTypeProblems(status, headers['content-type'], text, json);
          expect(
            problems.join('; '),
            `content_type_conformance: the ${status} answer to ${describeSample(sample)} ` +
              'must carry the right Content-Type',
          ).toBe('');
        },
      );
    });
  }
});
