/**
 * The instances the mock holds, per project. Names are unique per project across serverless
 * instances and Flex clusters (DUPLICATE_CLUSTER_NAME). States follow the simulated clock:
 * CREATING for `transitionMs`, then IDLE; after a delete, DELETING for `transitionMs`, then gone.
 */
import { randomBytes } from 'node:crypto';

import type { BackingProvider } from '../fixtures/world.ts';

export interface StoredInstance {
  id: string;
  groupId: string;
  name: string;
  createdAt: Date;
  flexBacked: boolean;
  backingProviderName: BackingProvider;
  regionName: string;
  tags: { key: string; value: string }[];
  terminationProtectionEnabled: boolean;
  continuousBackupEnabled: boolean | undefined;
  deleteRequestedAt?: Date;
  srvHost: string;
}

export type InstanceState = 'CREATING' | 'IDLE' | 'DELETING' | 'DELETED';

export function newObjectId(): string {
  return randomBytes(12).toString('hex');
}

export class InstanceStore {
  private readonly byProject = new Map<string, Map<string, StoredInstance>>();

  constructor(private readonly transitionMs: number) {}

  stateOf(instance: StoredInstance, now: Date): InstanceState {
    if (instance.deleteRequestedAt !== undefined) {
      const elapsed = now.getTime() - instance.deleteRequestedAt.getTime();
      return elapsed >= this.transitionMs ? 'DELETED' : 'DELETING';
    }
    return now.getTime() - instance.createdAt.getTime() >= this.transitionMs ? 'IDLE' : 'CREATING';
  }

  /** The live instance of that name, forgetting it once its deletion has completed. */
  find(groupId: string, name: string, now: Date): StoredInstance | undefined {
    const project = this.byProject.get(groupId);
    const instance = project?.get(name);
    if (instance !== undefined && this.stateOf(instance, now) === 'DELETED') {
      project?.delete(name);
      return undefined;
    }
    return instance;
  }

  list(groupId: string, now: Date): StoredInstance[] {
    const names = [...(this.byProject.get(groupId)?.keys() ?? [])];
    return names
      .map((name) => this.find(groupId, name, now))
      .filter((instance): instance is StoredInstance => instance !== undefined);
  }

  /** Adds an instance; false when the name is taken (checked and set in one step). */
  add(instance: StoredInstance, now: Date): boolean {
    if (this.find(instance.groupId, instance.name, now) !== undefined) return false;
    let project = this.byProject.get(instance.groupId);
    if (project === undefined) {
      project = new Map();
      this.byProject.set(instance.groupId, project);
    }
    project.set(instance.name, instance);
    return true;
  }

  clear(): void {
    this.byProject.clear();
  }
}
