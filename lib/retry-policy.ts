/**
 * Which failed requests the client sends again, and how long it waits first.
 *
 * Rules:
 * - only GET and HEAD are retried blindly (idempotent and free): after a 5xx, a 429 (once its
 *   Retry-After has passed) or a dropped connection;
 * - a POST is never sent again blindly: the client first looks the instance name up, and only
 *   sends again when the target says the name does not exist (lib/atlas-client.ts);
 * - the wait doubles from `baseDelayMs` with full jitter, so parallel workers spread out.
 */
export interface RetryPolicy {
  /** Attempts after the first one; 0 turns retries off. */
  maxRetries: number;
  baseDelayMs: number;
}

export const noRetries: RetryPolicy = { maxRetries: 0, baseDelayMs: 0 };

export const politeRetries: RetryPolicy = { maxRetries: 3, baseDelayMs: 500 };

const idempotentMethods = new Set(['GET', 'HEAD']);

export function isIdempotent(method: string): boolean {
  return idempotentMethods.has(method.toUpperCase());
}

/** Statuses that say "try again later" rather than "your request is wrong". */
export function isTransientStatus(status: number): boolean {
  return status === 429 || status === 500 || status === 502 || status === 503 || status === 504;
}

/** Milliseconds to wait before retry number `attempt` (1-based). */
export function backoffMs(policy: RetryPolicy, attempt: number, random = Math.random): number {
  const ceiling = policy.baseDelayMs * 2 ** (attempt - 1);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
