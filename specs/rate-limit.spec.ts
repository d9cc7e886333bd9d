/**
 * rate_limit: a caller over the project's limit gets 429 with `Retry-After` (whole seconds),
 * its body is the catalogue's answer, and after waiting as told the next request is admitted.
 * It needs a project with a small limit, which only the embedded mock's world has: against
 * Atlas, provoking its limits would slow every other client of the project, so the test is
 * skipped there.
 * Source: atlas-behaviour.md §6 (token bucket, headers, RATE_LIMITED_TOKEN_BUCKET sample);
 * official-contract.md §6-7 (429 tooManyRequests, Retry-After).
 */
import { describeCheck, expectErrorAnswer } from '../fixtures/checks.ts';
import { createRequest } from '../fixtures/requests.ts';
import {
  rateLimitHeaderProblems,
  retryAfterSeconds,
} from '../fixtures/rules/rate-limit-headers.ts';
import { skipPastSunset } from '../fixtures/skips.ts';
import { clientFor } from '../fixtures/target.ts';
import { expect, test } from '../fixtures/test.ts';
import type { Exchange } from '../lib/exchange.ts';

// A create refused for its name: it counts against the limit and never makes anything.
const refusedBody = {
  name: '-limited',
  providerSettings: { backingProviderName: 'AWS', regionName: 'US_EAST_1' },
};

test.describe('rate_limit', () => {
  test('should answer 429 with Retry-After, and admit the caller who waited as told', async ({
    target,
    era,
  }) => {
    await describeCheck('rate_limit');
    const limited = target.world?.projects.find((p) => p.rateLimit !== undefined);
    test.skip(
      limited?.rateLimit === undefined,
      'needs a project with a small rate limit (the embedded mock has one); the suite does not ' +
        "provoke a live target's limits",
    );
    // Past the sunset the version answers 410 before any limit is counted.
    skipPastSunset(era);
    const { capacity = 1 } = limited?.rateLimit ?? {};
    const groupId = limited?.id ?? '';

    // Its own client: the pause a 429 asks for must not hold up the worker's other tests.
    const client = clientFor(target);
    try {
      // One burst past the bucket's capacity: sent together, before any pause is announced.
      const burst = await Promise.all(
        Array.from({ length: capacity + 3 }, () =>
          client.send(createRequest(groupId, refusedBody)),
        ),
      );
      const refused = burst.find((e) => e.response.status === 429);
      expect(
        refused?.response.status,
        `rate_limit: ${capacity + 3} requests at once must overrun a bucket of ${capacity}`,
      ).toBe(429);
      const answer = refused as Exchange;
      expectErrorAnswer('rate_limit', 'rate-limited', answer, target.config.strictness);
      const { headers } = answer.response;
      expect(headers['retry-after'], 'rate_limit: a 429 must carry Retry-After').toBeDefined();
      expect(
        rateLimitHeaderProblems(headers).join('; '),
        'rate_limit: the rate-limit headers must be well-formed',
      ).toBe('');

      const waitSeconds = retryAfterSeconds(headers['retry-after'] ?? '', new Date()) ?? 0;
      await new Promise((resolve) => setTimeout(resolve, waitSeconds * 1000 + 100));
      const after = await client.send(createRequest(groupId, refusedBody));
      expect(
        after.response.status,
        `rate_limit: after waiting the ${waitSeconds} s Retry-After asked for, the caller ` +
          'must be admitted',
      ).not.toBe(429);
    } finally {
      await client.close();
    }
  });
});
