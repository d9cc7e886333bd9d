/**
 * The mock's era at an instant, from the contracts' timeline. Where the timeline brackets a
 * change between two dates the mock must pick one instant; it switches at the instant the
 * recorded traffic points to:
 * - Flex-backed from 1 Feb 2025 ("Update as of Feb 2025");
 * - Deprecation and Sunset headers from 8 Dec 2025, the first recording that has them;
 * - gone from 15 Jan 2026, the date of the live Sunset header (the contract said 22 Jan).
 */
import { change, switchInstant, type EraId } from '../contracts/timeline.ts';

export interface MockEra {
  id: EraId;
  flexBacked: boolean;
  deprecationHeaders: Record<string, string> | undefined;
  gone: boolean;
}

export function mockEraAt(now: Date): MockEra {
  const reached = (instant: Date) => now.getTime() >= instant.getTime();
  const flexBacked = reached(switchInstant('flex-backed', 'earliest'));
  const deprecated = reached(switchInstant('deprecation-headers', 'certain'));
  const gone = reached(switchInstant('gone', 'earliest'));
  const id: EraId = gone ? 'gone' : deprecated ? 'deprecated' : flexBacked ? 'flex' : 'serverless';
  return {
    id,
    flexBacked,
    deprecationHeaders: deprecated ? change('deprecation-headers').headers : undefined,
    gone,
  };
}
