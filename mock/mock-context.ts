/**
 * The state one running mock shares between its routes.
 */
import type { Project } from '../fixtures/world.ts';
import { atlasErrorAs, type MockAnswer } from './atlas-error.ts';
import { Authenticator } from './authenticate.ts';
import { SimulatedClock } from './clock.ts';
import { InstanceStore } from './instance-store.ts';
import { TokenBook } from './oauth-tokens.ts';
import { OperationalFaults } from './operational-faults.ts';
import type { MockOptions } from './options.ts';
import { RateLimiter } from './rate-limit.ts';
import { seededFlexClusters } from './seeded-flex.ts';

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
    this.seedStore();
    this.projects = new Map(options.world.projects.map((project) => [project.id, project]));
    this.operationalFaults = new OperationalFaults(options.operationalFaults);
  }

  /**
   * Back to the state the mock started in (`POST /__mock/reset`): the clock at its start setting,
   * then the instances (only the world's seeded Flex clusters, dated by that clock), no bearer
   * token, full rate-limit buckets, and the operational faults armed at start. Planted faults
   * and the settings are configuration, not state, and stay. So do digest nonces: a challenge in
   * flight that a reset forgot would only fail a client's next answer to it.
   */
  reset(): void {
    this.clock.set(this.options.clockStart);
    this.store.clear();
    this.seedStore();
    this.tokens.clear();
    this.limiter.reset();
    this.operationalFaults.reset();
  }

  private seedStore(): void {
    const now = this.clock.now();
    for (const cluster of seededFlexClusters(this.options.world, now, this.options.transitionMs))
      this.store.add(cluster, now);
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

    // The code, text and mixed-type parameters of Atlas's documented sample (§6): the docs'
    // recorded body says RATE_LIMITED_TOKEN_BUCKET; RATE_LIMITED is only the spec's example.
    const endpointSet = `api/atlas/v2/groups/${project.id}`;
    const wait = reading.retryAfterSeconds;
    const answer = atlasErrorAs(
      'rate-limited',
      'RATE_LIMITED_TOKEN_BUCKET',
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
