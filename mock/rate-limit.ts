/**
 * Rate limits as Atlas applies them (atlas-behaviour.md §6): a token bucket per project. Each
 * request to the project takes a token; the bucket holds `capacity` tokens and regains
 * `refillCount` of them every `refillSeconds`, continuously. An empty bucket answers 429 with
 * `Retry-After` (whole seconds until a token is back) and `RateLimit-Limit`/`RateLimit-Remaining`
 * (also sent on every admitted answer, as Atlas did from January 2026 on).
 *
 * Atlas counts per endpoint set and scope; the mock keeps one bucket per project for all its
 * serverless and Flex routes, the closest single scope (the Clusters set is per GROUP).
 */
import type { RateLimit } from '../fixtures/world.ts';

export interface BucketReading {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Whole seconds until the next token, when refused. */
  retryAfterSeconds: number;
}

class TokenBucket {
  private tokens: number;
  private lastRefill: number;

  constructor(
    private readonly rule: RateLimit,
    now: number,
  ) {
    this.tokens = rule.capacity;
    this.lastRefill = now;
  }

  take(now: number): BucketReading {
    const perMs = this.rule.refillCount / (this.rule.refillSeconds * 1000);
    this.tokens = Math.min(this.rule.capacity, this.tokens + (now - this.lastRefill) * perMs);
    this.lastRefill = now;
    const limit = this.rule.capacity;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { allowed: true, limit, remaining: Math.floor(this.tokens), retryAfterSeconds: 0 };
    }
    const waitMs = (1 - this.tokens) / perMs;
    return { allowed: false, limit, remaining: 0, retryAfterSeconds: Math.ceil(waitMs / 1000) };
  }
}

export class RateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();

  /** Takes a token of the project's bucket; `undefined` when the project has no limit. */
  take(
    projectId: string,
    rule: RateLimit | undefined,
    now = Date.now(),
  ): BucketReading | undefined {
    if (rule === undefined) return undefined;
    let bucket = this.buckets.get(projectId);
    if (bucket === undefined) {
      bucket = new TokenBucket(rule, now);
      this.buckets.set(projectId, bucket);
    }
    return bucket.take(now);
  }

  reset(): void {
    this.buckets.clear();
  }
}

/** The default budget: ten times Atlas's Clusters set (10000, 5000 per 60 s; §6). */
export const defaultRateLimit: RateLimit = {
  capacity: 100_000,
  refillCount: 50_000,
  refillSeconds: 60,
};
