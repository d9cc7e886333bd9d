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

export const mongoDBVersion = '8.0.17';

/**
 * Atlas writes instants to the second, with a Z. toISOString always ends in `.sssZ`, so cutting
 * those five characters is the same as a regex replace, at a fraction of its cost per answer.
 */
export function atlasInstant(date: Date): string {
  return `${date.toISOString().slice(0, -5)}Z`;
}

export function instanceView(
  instance: StoredInstance,
  state: InstanceState,
  baseUrl: string,
): Record<string, unknown> {
  const self = `${baseUrl}/api/atlas/v2/groups/${instance.groupId}/serverless/${instance.name}`;
  const providerSettings: Record<string, unknown> = instance.flexBacked
    ? {
        backingProviderName: instance.backingProviderName,
        effectiveDiskSizeGBLimit: 5,
        effectiveInstanceSizeName: 'FLEX',
        effectiveProviderName: 'TENANT',
        nextBackupDate: atlasInstant(new Date(instance.createdAt.getTime() + 86_400_000)),
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
    createDate: atlasInstant(instance.createdAt),
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
