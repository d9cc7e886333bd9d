/**
 * Client-side politeness towards a target: requests leave no faster than a set rate, and never
 * before a pause the server asked for has passed.
 *
 * - Rate: one request start every `1000 / requestsPerSecond` ms (0 = no limit). The slots are
 *   handed out in call order, so concurrent callers queue instead of bursting.
 * - Server pauses: `Retry-After` (seconds or an HTTP date) on any answer, and
 *   `RateLimit-Remaining: 0` (Atlas's bucket is empty; it sends no reset time, so the pacer
 *   waits `emptyBucketPauseMs`), hold every later request until the pause is over.
 */
export const emptyBucketPauseMs = 1_000;

/** Longest pause honoured: a broken header must not stall a run for hours. */
export const longestPauseMs = 120_000;

export type Sleep = (ms: number) => Promise<void>;

const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Milliseconds a Retry-After value asks for, or undefined when it is absent or unreadable. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1000, longestPauseMs);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.min(Math.max(at - now, 0), longestPauseMs);
}

export class RequestPacer {
  private nextSlotAt = 0;
  private pausedUntil = 0;

  constructor(
    private readonly requestsPerSecond: number,
    private readonly sleep: Sleep = realSleep,
    private readonly now: () => number = Date.now,
  ) {}

  /** Resolves when the caller may send its request. */
  async waitForTurn(): Promise<void> {
    const interval = this.requestsPerSecond > 0 ? 1000 / this.requestsPerSecond : 0;
    const slot = Math.max(this.now(), this.nextSlotAt, this.pausedUntil);
    this.nextSlotAt = slot + interval;
    const wait = slot - this.now();
    if (wait > 0) await this.sleep(wait);
    // A pause announced while this caller slept still applies to it.
    const extra = this.pausedUntil - this.now();
    if (extra > 0) await this.sleep(extra);
  }

  /** Reads the rate-limit headers of an answer (lower-case names). */
  observe(headers: Record<string, string>): void {
    const retry = retryAfterMs(headers['retry-after'], this.now());
    if (retry !== undefined) this.pauseFor(retry);
    else if (headers['ratelimit-remaining']?.trim() === '0') this.pauseFor(emptyBucketPauseMs);
  }

  pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
  }

  /** When the current server-requested pause ends (epoch ms; 0 when none was asked for). */
  get pauseEndsAt(): number {
    return this.pausedUntil;
  }
}
