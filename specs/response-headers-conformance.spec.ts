/**
 * response_headers_conformance: the headers of every answer are well-formed and agree with the
 * body and the era.
 * - `Date` is an HTTP date (the era is read from it).
 * - `Deprecation` and `Sunset`: present on versioned answers in the deprecated era, absent
 *   before, HTTP dates, the sunset after the deprecation (contracts/timeline.json).
 * - `RateLimit-Limit`, `RateLimit-Remaining`, `Retry-After`: well-formed when present.
 * - `X-Error-Code`, when sent, equals the body's `errorCode`.
 * Source: atlas-behaviour.md §3 (headers seen on v2 answers) and §6; official-contract.md §7.
 */
import { annotateOnce, describeCheck } from '../fixtures/checks.ts';
import { describeSample, type RequestSample } from '../fixtures/request-samples.ts';
import { deprecationProblems, deprecationRule } from '../fixtures/rules/deprecation-headers.ts';
import { parseHttpDate } from '../fixtures/rules/http-date.ts';
import { rateLimitHeaderProblems } from '../fixtures/rules/rate-limit-headers.ts';
import { describeEra } from '../fixtures/run-era.ts';
import { checkSampledAnswers, sampleHalves } from '../fixtures/sample-property.ts';
import { expect, test } from '../fixtures/test.ts';
import type { Exchange } from '../lib/exchange.ts';

// Answers given before the version is negotiated (no credentials, no access, no version) carry
// no version, hence no deprecation headers (atlas-behaviour.md §1: the 401 challenge).
const unversionedStatuses = [401, 403, 406];

function isVersionedAnswer(sample: RequestSample, exchange: Exchange): boolean {
  const asksOtherVersion =
    sample.kind === 'invalid' && sample.invalid.headers?.Accept !== undefined;
  return !asksOtherVersion && !unversionedStatuses.includes(exchange.response.status);
}

test.describe('response_headers_conformance', () => {
  for (const half of sampleHalves) {
    test(`should send well-formed headers that agree with the body and the era (${half})`, async ({
      client,
      target,
      names,
      budget,
      cleanup,
      era,
    }) => {
      await describeCheck('response_headers_conformance');
      const rule = deprecationRule(era);
      annotateOnce('era rule', `Deprecation/Sunset ${rule.presence} in ${describeEra(era)}`);

      await checkSampledAnswers(
        { client, target, names, budget, cleanup },
        half,
        'every answer has well-formed headers',
        (sample, { exchange }) => {
          const { headers, json, status } = exchange.response;
          const answeredAt = parseHttpDate(headers.date);
          const problems: string[] = [];
          if (answeredAt === undefined) {
            problems.push(`Date must be an HTTP date, not ${JSON.stringify(headers.date)}`);
          }
          const versioned = isVersionedAnswer(sample, exchange);
          const applied = versioned ? rule : { ...rule, presence: 'either' as const };
          problems.push(...deprecationProblems(headers, applied, answeredAt));
          problems.push(...rateLimitHeaderProblems(headers));
          const errorCode = (json as { errorCode?: unknown } | undefined)?.errorCode;
          const sent = headers['x-error-code'];
          if (sent !== undefined && sent !== errorCode) {
            problems.push(
              `X-Error-Code ${sent} must equal the body's errorCode ${String(errorCode)}`,
            );
          }
          expect(
            problems.join('; '),
            `response_headers_conformance: the ${status} answer to ${describeSample(sample)} ` +
              'must have well-formed headers',
          ).toBe('');
        },
      );
    });
  }
});
