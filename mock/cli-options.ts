/**
 * Parsing of the mock's own option values, shared by `npm run mock` and the tests: each parser
 * returns the value or a message saying which rule the text broke.
 */
import type { RateLimit } from '../fixtures/world.ts';
import {
  isOperationalFaultKind,
  operationalFaultKinds,
  type OperationalFaultSpec,
} from './operational-faults.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

/** `off`, or `capacity/refillCount/refillSeconds` such as `10000/5000/60`. */
export function parseRateLimit(text: string): Parsed<RateLimit | undefined> {
  if (text === 'off') return { ok: true, value: undefined };
  const parts = text.split('/').map(Number);
  const [capacity, refillCount, refillSeconds] = parts;
  const whole = (n: number | undefined) => n !== undefined && Number.isInteger(n) && n > 0;
  if (parts.length !== 3 || !whole(capacity) || !whole(refillCount) || !whole(refillSeconds)) {
    return {
      ok: false,
      problem: `--rate-limit must be off or capacity/refillCount/refillSeconds, not ${text}`,
    };
  }
  return { ok: true, value: { capacity, refillCount, refillSeconds } as RateLimit };
}

/** `kind` or `kind*times`, such as `server-error*2` (drop, bad-gateway, server-error). */
export function parseOperationalFault(text: string): Parsed<OperationalFaultSpec> {
  const [kind, times, extra] = text.split('*');
  const count = times === undefined ? undefined : Number(times);
  const failing = operationalFaultKinds.filter((k) => k !== 'latency');
  if (
    extra !== undefined ||
    !isOperationalFaultKind(kind) ||
    kind === 'latency' ||
    (count !== undefined && !(Number.isInteger(count) && count > 0))
  ) {
    return {
      ok: false,
      problem:
        `--operational-fault must be kind or kind*times with kind one of ` +
        `${failing.join(', ')}, not ${text} (use --latency-ms for latency)`,
    };
  }
  return { ok: true, value: count === undefined ? { kind } : { kind, times: count } };
}
