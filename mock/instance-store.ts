/**
 * The instances the mock holds, per project. Names are unique per project across serverless
 * instances and Flex clusters (DUPLICATE_CLUSTER_NAME): `find` and `add` see both, while the
 * serverless API (`findServerless`, `list`) does not show a cluster made through the Flex API
 * (whether Atlas's does is not recorded, atlas-behaviour.md §9.6).
 *
 * States follow the simulated clock: CREATING for `transitionMs`, then IDLE; after an update,
 * UPDATING for `transitionMs` (PATCH answers UPDATING, atlas-behaviour.md §7); after a delete,
 * DELETING for `transitionMs`, then gone. Instances are kept in creation order, which is the
 * order lists page through.
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
  updatedAt?: Date;
  deleteRequestedAt?: Date;
  srvHost: string;
  /** Made through the Flex API (a seeded Flex cluster), not through /serverless. */
  flexApiOnly?: boolean;
  /**
   * Texts that instance-view.ts and instance-answer.ts write once and keep on the instance.
   * Plain fields: kept in WeakMaps beside the store instead, they made creates slower as the
   * store grew to the bench's hundreds of thousands of instances (`npm run bench:mock`).
   */
  writtenInstants?: { createDate: string; nextBackupDate: string };
  keptAnswer?: KeptAnswerText;
}

/** The compact JSON of an instance's last answer, and what it was written from. */
export interface KeptAnswerText {
  state: InstanceState;
  baseUrl: string;
  tags: StoredInstance['tags'];
  terminationProtectionEnabled: boolean;
  continuousBackupEnabled: boolean | undefined;
  text: string;
}

export type InstanceState = 'CREATING' | 'IDLE' | 'UPDATING' | 'DELETING' | 'DELETED';

// An ObjectId as MongoDB makes them: seconds, a per-process random part, a counter. Cheaper
// than 12 random bytes per instance, and as unique within one mock.
const processPart = randomBytes(5).toString('hex');
let counter = randomBytes(3).readUIntBE(0, 3);

export function newObjectId(): string {
  counter = (counter + 1) % 0x1000000;
  const seconds = Math.floor(Date.now() / 1000)
    .toString(16)
    .padStart(8, '0');
  return `${seconds}${processPart}${counter.toString(16).padStart(6, '0')}`;
}

export class InstanceStore {
  private readonly byProject = new Map<string, Map<string, StoredInstance>>();
  /** Instances added since the start or the last clear, deleted ones included. */
  private added = 0;

  constructor(private readonly transitionMs: number) {}

  stateOf(instance: StoredInstance, now: Date): InstanceState {
    if (instance.deleteRequestedAt !== undefined) {
      const elapsed = now.getTime() - instance.deleteRequestedAt.getTime();
      return elapsed >= this.transitionMs ? 'DELETED' : 'DELETING';
    }
    const sinceCreate = now.getTime() - instance.createdAt.getTime();
    if (sinceCreate < this.transitionMs) return 'CREATING';
    const sinceUpdate = now.getTime() - (instance.updatedAt?.getTime() ?? 0);
    return sinceUpdate < this.transitionMs ? 'UPDATING' : 'IDLE';
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

  /** The live instance of that name as the serverless API sees it. */
  findServerless(groupId: string, name: string, now: Date): StoredInstance | undefined {
    const instance = this.find(groupId, name, now);
    return instance?.flexApiOnly === true ? undefined : instance;
  }

  /** The serverless instances of a project, in creation order. */
  list(groupId: string, now: Date): StoredInstance[] {
    const names = [...(this.byProject.get(groupId)?.keys() ?? [])];
    return names
      .map((name) => this.findServerless(groupId, name, now))
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
    this.added += 1;
    return true;
  }

  get addedCount(): number {
    return this.added;
  }

  clear(): void {
    this.byProject.clear();
    this.added = 0;
  }
}
