/**
 * The state one running mock shares between its routes.
 */
import type { Project } from '../fixtures/world.ts';
import { atlasError, type MockAnswer } from './atlas-error.ts';
import { Authenticator } from './authenticate.ts';
import { SimulatedClock } from './clock.ts';
import { InstanceStore } from './instance-store.ts';
import { TokenBook } from './oauth-tokens.ts';
import { OperationalFaults } from './operational-faults.ts';
import type { MockOptions } from './options.ts';
import { RateLimiter } from './rate-limit.ts';

export interface RateLimitOutcome {
  headers: Record<string, string>;
  refusal?: MockAnswer;
}

export class MockContext {
  readonly clock: SimulatedClock;
  readonly tokens = new TokenBook();
  readonly authenticator: Authenticator;
  readonly store: InstanceStore;
  readonly projects: ReadonlyMap<string, Project>;
  readonly limiter = new RateLimiter();
  readonly operationalFaults: OperationalFaults;

  constructor(readonly options: MockOptions) {
    this.clock = new SimulatedClock(options.clockStart);
    this.authenticator = new Authenticator(options.world, this.tokens);
    this.store = new InstanceStore(options.transitionMs);
    this.projects = new Map(options.world.projects.map((project) => [project.id, project]));
    this.operationalFaults = new OperationalFaults(options.operationalFaults);
  }

  hasFault(id: Parameters<MockOptions['faults']['has']>[0]): boolean {
    return this.options.faults.has(id);
  }

  /** Takes a token of the project's bucket: the headers to send, and a 429 when it is empty. */
  rateLimit(project: Project): RateLimitOutcome | undefined {
    const rule = project.rateLimit ?? this.options.rateLimit;
    const reading = this.limiter.take(project.id, rule);
    if (reading === undefined || rule === undefined) return undefined;
    const headers: Record<string, string> = {
      'RateLimit-Limit': String(reading.limit),
      'RateLimit-Remaining': String(reading.remaining),
    };
    if (reading.allowed) return { headers };

    // The text and the mixed-type parameters of Atlas's documented sample (§6).
    const endpointSet = `api/atlas/v2/groups/${project.id}`;
    const wait = reading.retryAfterSeconds;
    const answer = atlasError(
      'rate-limited',
      [endpointSet, wait],
      [endpointSet, wait, rule.capacity, rule.refillCount, rule.refillSeconds],
    );
    const body = answer.body as { detail: string };
    body.detail +=
      ` Request capacity: ${rule.capacity}.` +
      ` Refill rate: ${rule.refillCount} per ${rule.refillSeconds} seconds.`;
    const refusal = { ...answer, headers: { 'Retry-After': String(wait) } };
    return { headers, refusal };
  }
}
