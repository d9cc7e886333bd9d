/**
 * Everything that configures one mock instance. The CLI, the conformance runner and the tests
 * all build the mock from these options; nothing else changes its behaviour.
 */
import type { RateLimit, World } from '../fixtures/world.ts';
import type { FaultId } from './faults.ts';
import type { OperationalFaultSpec } from './operational-faults.ts';
import type { UnknownFactChoice } from './unknown-facts.ts';

export interface MockOptions {
  world: World;
  /** Where the simulated clock starts (its era decides the endpoint's behaviour). */
  clockStart: Date;
  /** Real milliseconds an instance spends in CREATING before IDLE (and in UPDATING, DELETING). */
  transitionMs: number;
  /**
   * The request budget of a project that has none of its own in the world file; `undefined`
   * turns the default budget off (projects with their own still get theirs).
   */
  rateLimit: RateLimit | undefined;
  /** Planted conformance faults (mock/faults.ts): the mock breaks one rule on purpose. */
  faults: ReadonlySet<FaultId>;
  /**
   * Operational faults armed from the start (500, HTML 502, latency, dropped connection): the
   * mock keeps to the contract but the infrastructure in front of it misbehaves.
   */
  operationalFaults: readonly OperationalFaultSpec[];
  /**
   * The HTTP status of an enveloped answer. Atlas documents none (atlas-behaviour.md §4):
   * `same` keeps the plain status, `200` always answers 200 (mock/unknown-facts.ts).
   */
  envelopeStatus: UnknownFactChoice<'envelopeStatus'>;
  /**
   * The answer to a region Atlas knows but the provider does not offer for the instance type of
   * the era (never observed; mock/unknown-facts.ts). Default `invalid-region`.
   */
  notOfferedRegion: UnknownFactChoice<'notOfferedRegion'>;
  /**
   * How `envelope` and `pretty` read a value other than true or false (undocumented;
   * mock/unknown-facts.ts): `ignore` reads it as false (default), `reject` answers 400.
   */
  nonBooleanFlag: UnknownFactChoice<'nonBooleanFlag'>;
}
