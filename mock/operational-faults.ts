/**
 * Operational faults: the infrastructure in front of Atlas misbehaving, for clients that must
 * retry politely. They are kept apart from the planted conformance faults (mock/faults.ts):
 * those make the mock break a rule of the contract, these only make a call fail the way a real
 * network or gateway does, and the next call may succeed.
 *
 * Kinds (atlas-behaviour.md §5 for the two recorded answers):
 * - `server-error`: 500 UNEXPECTED_ERROR with Atlas's error body;
 * - `bad-gateway`: 502 with an HTML page, as Atlas's proxy sends it;
 * - `latency`: the answer comes `latencyMs` later, otherwise unchanged;
 * - `drop`: the connection is closed without an answer.
 *
 * Each armed fault applies to the next `times` matching requests (`undefined`: until cleared),
 * optionally only to one method and to paths starting with `pathPrefix`. They hit the /api tree
 * only, before authentication, as a proxy would.
 */
export const operationalFaultKinds = ['server-error', 'bad-gateway', 'latency', 'drop'] as const;
export type OperationalFaultKind = (typeof operationalFaultKinds)[number];

export interface OperationalFaultSpec {
  kind: OperationalFaultKind;
  /** How many matching requests it hits; absent means every one until cleared. */
  times?: number;
  /** For `latency`: the added delay. */
  latencyMs?: number;
  /** Only requests of this method (upper case). */
  method?: string;
  /** Only requests whose path starts with this. */
  pathPrefix?: string;
}

export function isOperationalFaultKind(value: unknown): value is OperationalFaultKind {
  return (operationalFaultKinds as readonly unknown[]).includes(value);
}

/** The reason a spec is unusable, or undefined when it is fine. */
export function operationalFaultProblem(spec: Partial<OperationalFaultSpec>): string | undefined {
  if (!isOperationalFaultKind(spec.kind)) {
    return `kind must be one of ${operationalFaultKinds.join(', ')}, not ${String(spec.kind)}`;
  }
  if (spec.times !== undefined && !(Number.isInteger(spec.times) && spec.times > 0)) {
    return `times must be a whole number above 0, not ${String(spec.times)}`;
  }
  if (spec.kind === 'latency') {
    const ms = spec.latencyMs;
    if (typeof ms !== 'number' || !Number.isInteger(ms) || ms < 0 || ms > 600_000) {
      return `latencyMs must be a whole number of milliseconds from 0 to 600000`;
    }
  }
  if (spec.method !== undefined && typeof spec.method !== 'string') return 'method must be text';
  if (spec.pathPrefix !== undefined && typeof spec.pathPrefix !== 'string') {
    return 'pathPrefix must be text';
  }
  return undefined;
}

interface Armed extends OperationalFaultSpec {
  used: number;
}

/** The armed operational faults of one mock. */
export class OperationalFaults {
  private armed: Armed[] = [];

  constructor(private readonly initial: readonly OperationalFaultSpec[] = []) {
    this.reset();
  }

  /** Back to the faults armed at start, none of them used yet. */
  reset(): void {
    this.clear();
    for (const spec of this.initial) this.arm(spec);
  }

  arm(spec: OperationalFaultSpec): void {
    this.armed.push({ ...spec, method: spec.method?.toUpperCase(), used: 0 });
  }

  clear(): void {
    this.armed = [];
  }

  get isEmpty(): boolean {
    return this.armed.length === 0;
  }

  list(): (OperationalFaultSpec & { used: number })[] {
    return this.armed.map((fault) => ({ ...fault }));
  }

  /**
   * The faults that hit this request, each counted once: at most one latency (the first armed)
   * and at most one failure (the first armed). Spent faults are forgotten.
   */
  take(method: string, path: string): { latencyMs: number; failure?: OperationalFaultKind } {
    let latencyMs = 0;
    let latencyTaken = false;
    let failure: OperationalFaultKind | undefined;
    for (const fault of this.armed) {
      if (fault.method !== undefined && fault.method !== method) continue;
      if (fault.pathPrefix !== undefined && !path.startsWith(fault.pathPrefix)) continue;
      if (fault.kind === 'latency') {
        if (latencyTaken) continue;
        latencyTaken = true;
        latencyMs = fault.latencyMs ?? 0;
      } else {
        if (failure !== undefined) continue;
        failure = fault.kind;
      }
      fault.used += 1;
    }
    this.armed = this.armed.filter((f) => f.times === undefined || f.used < f.times);
    return failure === undefined ? { latencyMs } : { latencyMs, failure };
  }
}
