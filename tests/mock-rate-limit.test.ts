/**
 * Rate limits: a token bucket per project. The world's rate-limited project refuses the sixth
 * quick call with 429, Retry-After and the RateLimit headers, and recovers after Retry-After;
 * the other projects keep their own (large) budget.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';

import { parseRateLimit } from '../mock/cli-options.ts';
import { RateLimiter } from '../mock/rate-limit.ts';
import { demo, MockHarness, projectPath, sleep } from './mock-harness.ts';

const mock = new MockHarness();
after(() => mock.close());

describe('mock rate limits', () => {
  it('should answer 429 with Retry-After and RateLimit headers on an empty bucket', async () => {
    const limited = `${projectPath(demo.rateLimitedProject!.id)}/serverless`;
    const capacity = demo.rateLimitedProject!.rateLimit!.capacity;
    const answers = [];
    for (let i = 0; i <= capacity; i += 1) answers.push(await mock.call('GET', limited));
    assert.deepEqual(
      answers.map((a) => a.status),
      [...Array(capacity).fill(200), 429],
    );
    assert.equal(answers[0]?.headers['ratelimit-limit'], String(capacity));
    assert.equal(answers[0]?.headers['ratelimit-remaining'], String(capacity - 1));
    const refused = answers[capacity]!;
    assert.equal(refused.headers['ratelimit-remaining'], '0');
    const retryAfter = Number(refused.headers['retry-after']);
    assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1, `Retry-After ${retryAfter}`);
    // The code of Atlas's documented sample body (atlas-behaviour.md §6), not the spec's example.
    assert.equal(refused.json().errorCode, 'RATE_LIMITED_TOKEN_BUCKET');
    assert.equal(refused.headers['x-error-code'], 'RATE_LIMITED_TOKEN_BUCKET');
    assert.equal(refused.json().error, 429);
    assert.match(
      refused.json().detail,
      /^Rate limit exceeded for api\/atlas\/v2\/groups\/.+ Refill rate: /,
    );

    const other = await mock.call('GET', `${projectPath()}/serverless`);
    assert.equal(other.status, 200, 'another project keeps its own budget');
    await sleep(retryAfter * 1000);
    assert.equal((await mock.call('GET', limited)).status, 200, 'recovered after Retry-After');
  });

  it('should refill continuously at the configured rate', () => {
    const limiter = new RateLimiter();
    const rule = { capacity: 2, refillCount: 1, refillSeconds: 10 };
    assert.equal(limiter.take('p', rule, 0)?.allowed, true);
    assert.equal(limiter.take('p', rule, 0)?.allowed, true);
    const refused = limiter.take('p', rule, 1000);
    assert.equal(refused?.allowed, false);
    assert.equal(refused?.retryAfterSeconds, 9);
    assert.equal(limiter.take('p', rule, 10_000)?.allowed, true);
    assert.equal(limiter.take('p', undefined, 0), undefined, 'no rule, no limit');
  });

  it('should read --rate-limit values and refuse malformed ones', () => {
    assert.deepEqual(parseRateLimit('10000/5000/60'), {
      ok: true,
      value: { capacity: 10000, refillCount: 5000, refillSeconds: 60 },
    });
    assert.deepEqual(parseRateLimit('off'), { ok: true, value: undefined });
    for (const bad of ['10', '1/2/0', 'a/b/c', '1/2/3/4']) {
      assert.equal(parseRateLimit(bad).ok, false, bad);
    }
  });
});
