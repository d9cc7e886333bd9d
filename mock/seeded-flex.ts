/**
 * The Flex clusters a world file says exist from the start (fixtures/world.json `flexClusters`).
 * Projects own Flex clusters beside their serverless instances, and a name is unique across
 * both (atlas-behaviour.md §5, DUPLICATE_CLUSTER_NAME "A cluster or serverless instance named").
 * A seeded cluster is IDLE from the start: when the clock starts before its createDate, it is
 * dated just before the clock instead.
 */
import type { World } from '../fixtures/world.ts';
import { newObjectId, type StoredInstance } from './instance-store.ts';

export function seededFlexClusters(
  world: World,
  clockStart: Date,
  transitionMs: number,
): StoredInstance[] {
  const latest = clockStart.getTime() - transitionMs - 1000;
  return (world.flexClusters ?? []).map((seed) => {
    const id = newObjectId();
    const asked = seed.createDate === undefined ? Number.NaN : Date.parse(seed.createDate);
    const createdAt = new Date(Number.isNaN(asked) || asked > latest ? latest : asked);
    return {
      id,
      groupId: seed.groupId,
      name: seed.name,
      createdAt,
      flexBacked: true,
      backingProviderName: seed.backingProviderName,
      regionName: seed.regionName,
      tags: [],
      terminationProtectionEnabled: false,
      continuousBackupEnabled: undefined,
      srvHost: `${seed.name.toLowerCase()}.${id.slice(-5)}.mongodb.net`,
      flexApiOnly: true,
    };
  });
}
