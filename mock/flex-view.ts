/**
 * The JSON body of a Flex cluster as the Flex API answers it (atlas-behaviour.md §7, recorded):
 * providerSettings with providerName FLEX and diskSizeGB 5.0, clusterType REPLICASET, backups
 * always on, versionReleaseSystem LTS, and no `links`. Keys in alphabetical order.
 */
import type { InstanceState, StoredInstance } from './instance-store.ts';
import { instantsOf, mongoDBVersion } from './instance-view.ts';

export function flexView(instance: StoredInstance, state: InstanceState): Record<string, unknown> {
  return {
    backupSettings: { enabled: true },
    clusterType: 'REPLICASET',
    connectionStrings: { standardSrv: `mongodb+srv://${instance.srvHost}` },
    createDate: instantsOf(instance).createDate,
    groupId: instance.groupId,
    id: instance.id,
    mongoDBVersion,
    name: instance.name,
    providerSettings: {
      backingProviderName: instance.backingProviderName,
      // JSON has no 5.0: the recorded body's float prints as 5 once parsed.
      diskSizeGB: 5,
      providerName: 'FLEX',
      regionName: instance.regionName,
    },
    stateName: state === 'DELETED' ? 'DELETING' : state,
    tags: instance.tags,
    terminationProtectionEnabled: instance.terminationProtectionEnabled,
    versionReleaseSystem: 'LTS',
  };
}
