/**
 * The mock's era at an instant, from the contracts' timeline. Where the timeline brackets a
 * change between two dates the mock must pick one instant; it switches at the instant the
 * recorded traffic points to:
 * - Flex-backed from 1 Feb 2025 ("Update as of Feb 2025");
 * - Deprecation and Sunset headers from 8 Dec 2025, the first recording that has them;
 * - gone from 15 Jan 2026, the date of the live Sunset header (the contract said 22 Jan).
 * From then on the serverless GETs, which keep answering, carry a Sunset of their own (below).
 */
import { change, switchInstant, type EraId } from '../contracts/timeline.ts';

export interface MockEra {
  id: EraId;
  flexBacked: boolean;
  /** Deprecation and Sunset of the serverless version's create, PATCH and DELETE. */
  deprecationHeaders: Record<string, string> | undefined;
  /** Those of the serverless GETs (get one, list): the same until the create's sunset. */
  readDeprecationHeaders: Record<string, string> | undefined;
  gone: boolean;
}

// Read once: the gate asks for the era on every request.
const flexFrom = switchInstant('flex-backed', 'earliest').getTime();
const deprecatedFrom = switchInstant('deprecation-headers', 'certain').getTime();
const goneFrom = switchInstant('gone', 'earliest').getTime();
const deprecationHeaders = change('deprecation-headers').headers;

/**
 * The serverless GETs' own sunset, sent once the create's has passed: a choice, since the header
 * the reads carried then is unrecorded. atlas-behaviour.md §0 records only that Atlas kept them
 * answering from January 2026 (list empty, get-one 404) and that the spec kept them deprecated
 * with x-sunset 2027-01-15/18. Which operation the 18th would belong to no source says: the spec
 * copy in ../shared/reference gives 2027-01-15 to both (official-contract.md §1: the list is
 * "removed entirely on January 15, 2027", the get-one "will be sunset on January 15, 2027"). So
 * both take the 15th, also the earlier date: a client warned of it cannot miss the other. The
 * Deprecation date stays the recorded one; RFC 1123 with Atlas's unpadded day (§3).
 */
const readSunset = 'Fri, 15 Jan 2027 00:00:00 GMT';
const readHeadersPastSunset =
  deprecationHeaders === undefined ? undefined : { ...deprecationHeaders, Sunset: readSunset };

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
    readDeprecationHeaders: gone
      ? readHeadersPastSunset
      : deprecated
        ? deprecationHeaders
        : undefined,
    gone,
  };
}
