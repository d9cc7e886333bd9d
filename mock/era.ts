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

// Read once: the gate asks for the era on every request.
const flexFrom = switchInstant('flex-backed', 'earliest').getTime();
const deprecatedFrom = switchInstant('deprecation-headers', 'certain').getTime();
const goneFrom = switchInstant('gone', 'earliest').getTime();
const deprecationHeaders = change('deprecation-headers').headers;

export function mockEraAt(now: Date): MockEra {
  const at = now.getTime();
  const flexBacked = at >= flexFrom;
  const deprecated = at >= deprecatedFrom;
  const gone = at >= goneFrom;
  const id: EraId = gone ? 'gone' : deprecated ? 'deprecated' : flexBacked ? 'flex' : 'serverless';
  return {
    id,
    flexBacked,
    deprecationHeaders: deprecated ? deprecationHeaders : undefined,
    gone,
  };
}
