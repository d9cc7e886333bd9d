/**
 * Whether the create may name a region, by the era and the world's region lists:
 * - the era decides the list offered: the Flex regions from Feb 2025 (`regions`), the serverless
 *   regions before (`serverlessRegions`; regions.json `serverless`);
 * - a name Atlas does not know for the provider (in none of the world's lists): 400
 *   INVALID_REGION [region, provider] (regions.json `unknownName`, confirmed);
 * - a name Atlas knows but the era does not offer: never observed, so the answer is the
 *   `notOfferedRegion` setting (mock/unknown-facts.ts; default INVALID_REGION as well).
 */
import { offeredRegionsIn, type BackingProvider, type World } from '../fixtures/world.ts';
import { atlasError, mockError, type MockAnswer } from './atlas-error.ts';
import type { MockOptions } from './options.ts';

interface RegionSets {
  flex: ReadonlySet<string>;
  serverless: ReadonlySet<string>;
  known: ReadonlySet<string>;
}

// Built once per world: the create asks on every request.
const setsByWorld = new WeakMap<World, Map<string, RegionSets>>();

function regionSets(world: World, provider: string): RegionSets {
  let byProvider = setsByWorld.get(world);
  if (byProvider === undefined) {
    byProvider = new Map();
    setsByWorld.set(world, byProvider);
  }
  let sets = byProvider.get(provider);
  if (sets === undefined) {
    const of = (lists: World['regions'] | undefined) => lists?.[provider as BackingProvider] ?? [];
    const flex = new Set(of(offeredRegionsIn(world, true)));
    const serverless = new Set(of(offeredRegionsIn(world, false)));
    const known = new Set([...flex, ...serverless, ...of(world.otherKnownRegions)]);
    sets = { flex, serverless, known };
    byProvider.set(provider, sets);
  }
  return sets;
}

/** The refusal of a region, or undefined when the era offers it for the provider. */
export function regionRefusal(
  options: Pick<MockOptions, 'world' | 'notOfferedRegion'>,
  flexBacked: boolean,
  provider: string,
  region: string,
): MockAnswer | undefined {
  const sets = regionSets(options.world, provider);
  if ((flexBacked ? sets.flex : sets.serverless).has(region)) return undefined;
  if (!sets.known.has(region)) return atlasError('region-unknown', [region, provider]);
  switch (options.notOfferedRegion) {
    case 'region-unavailable':
      // The detail as Atlas wrote it on dedicated-cluster create (regions.json, helm-issue-198).
      return mockError(
        409,
        'REGION_UNAVAILABLE',
        `The selected region [${region}] is unavailable for use.`,
        [region],
      );
    case 'invalid-attribute':
      return mockError(400, 'INVALID_ATTRIBUTE', 'Invalid attribute regionName specified.', [
        'regionName',
      ]);
    default:
      return atlasError('region-unknown', [region, provider]);
  }
}
