/**
 * Everything that configures one mock instance. The CLI, the conformance runner and the tests
 * all build the mock from these options; nothing else changes its behaviour.
 */
import type { World } from '../fixtures/world.ts';
import type { FaultId } from './faults.ts';

export interface MockOptions {
  world: World;
  /** Where the simulated clock starts (its era decides the endpoint's behaviour). */
  clockStart: Date;
  /** Real milliseconds an instance spends in CREATING before IDLE (and in DELETING). */
  transitionMs: number;
  /** Requests per second a project may make before 429 (a token bucket); 0 turns limits off. */
  rateLimitPerSecond: number;
  faults: ReadonlySet<FaultId>;
  /**
   * The HTTP status of an enveloped answer. Atlas documents none (atlas-behaviour.md §4):
   * `same` keeps the plain status, `200` always answers 200.
   */
  envelopeStatus: 'same' | '200';
}
