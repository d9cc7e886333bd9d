/**
 * The JSON body of one instance, as Atlas answers it in the mock's era.
 *
 * Flex era (atlas-behaviour.md §7, the 2026-01-02 recording): effectiveInstanceSizeName FLEX,
 * effectiveProviderName TENANT, effectiveDiskSizeGBLimit 5, the undeclared nextBackupDate and
 * tenantBackupEnabled, and the backup flag echoed as sent (false when absent) without effect.
 * Serverless era: the provider settings as sent, the backup flag defaulting to true.
 * Keys are in alphabetical order, as in recorded bodies.
 */
import type { InstanceState, StoredInstance } from './instance-store.ts';
import { TextOfSecond } from './text-of-second.ts';

export const mongoDBVersion = '8.0.17';

/**
 * Atlas writes instants to the second, with a Z. toISOString always ends in `.sssZ`; cutting
 * those five characters is the same as a regex replace, at a fraction of its cost.
 */
const atlasInstant = (date: Date) => `${date.toISOString().slice(0, -5)}Z`;
// One for each instant a create writes: its own and its next backup's.
const createDates = new TextOfSecond(atlasInstant);
const backupDates = new TextOfSecond(atlasInstant);

/**
 * The instants an instance shows, written once: `createdAt` never changes, and writing two
 * dates on every answer was a measurable share of a get (`npm run bench:mock`).
 */
export function instantsOf(
  instance: StoredInstance,
): NonNullable<StoredInstance['writtenInstants']> {
  const created = instance.createdAt.getTime();
  instance.writtenInstants ??= {
    createDate: createDates.of(created),
    nextBackupDate: backupDates.of(created + 86_400_000),
  };
  return instance.writtenInstants;
}

export function instanceView(
  instance: StoredInstance,
  state: InstanceState,
  baseUrl: string,
): Record<string, unknown> {
  const { createDate, nextBackupDate } = instantsOf(instance);
  const self = `${baseUrl}/api/atlas/v2/groups/${instance.groupId}/serverless/${instance.name}`;
  const providerSettings: Record<string, unknown> = instance.flexBacked
    ? {
        backingProviderName: instance.backingProviderName,
        effectiveDiskSizeGBLimit: 5,
        effectiveInstanceSizeName: 'FLEX',
        effectiveProviderName: 'TENANT',
        nextBackupDate,
        providerName: 'SERVERLESS',
        regionName: instance.regionName,
        tenantBackupEnabled: true,
      }
    : {
        backingProviderName: instance.backingProviderName,
        providerName: 'SERVERLESS',
        regionName: instance.regionName,
      };
  const backupDefault = !instance.flexBacked;
  return {
    connectionStrings: { standardSrv: `mongodb+srv://${instance.srvHost}` },
    createDate,
    groupId: instance.groupId,
    id: instance.id,
    links: [{ href: self, rel: 'self' }],
    mongoDBVersion,
    name: instance.name,
    providerSettings,
    serverlessBackupOptions: {
      serverlessContinuousBackupEnabled: instance.continuousBackupEnabled ?? backupDefault,
    },
    stateName: state === 'DELETED' ? 'DELETING' : state,
    tags: instance.tags,
    terminationProtectionEnabled: instance.terminationProtectionEnabled,
  };
}
