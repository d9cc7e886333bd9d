/**
 * The orphan sweep: lists the project's serverless instances, keeps those carrying the run tag
 * (lib/run-tag.ts), and deletes them (termination protection off first), printing progress.
 *
 * Rules:
 * - only tagged instances are touched: an untagged instance is never the suite's to delete;
 * - a run's family is its tag and every tag `<tag>.<suffix>` (the shards of one CI run tag
 *   their instances `<tag>.shard<i>`, lib/run-tag.ts);
 * - at the start of a run, the current run's family is spared (`except`), so shards of one CI
 *   run never sweep each other; at the end of a run only its own family is swept (`only`);
 * - `minAgeMinutes` spares instances younger than it: the opening sweep of one run must not
 *   delete the instances of another run still working on the same project. Age is the
 *   instance's `createDate` against the target's own `Date` header (one clock, the target's);
 *   without a readable `createDate`, the tag's start time (lib/run-tag.ts) against this
 *   machine's clock; an instance whose age neither gives is swept (it cannot be told apart
 *   from a leftover, and a leftover costs money). The spared are named in one line;
 * - a list the target refuses with 410 (the endpoint is past its sunset) means nothing could
 *   have been created: there is nothing to sweep.
 */
import type { AtlasClient } from '../lib/atlas-client.ts';
import { deleteInstance } from '../lib/delete-instance.ts';
import { isOfRun, runTagOf, runTagStartedAt } from '../lib/run-tag.ts';

export interface SweepOptions {
  /** Sweep everything tagged except this run's instances. */
  except?: string;
  /** Sweep only this run's instances. */
  only?: string;
  /** Spare instances younger than this many minutes (undefined: spare none). */
  minAgeMinutes?: number;
  /** List what would be deleted, delete nothing. */
  dryRun?: boolean;
  progress?: (line: string) => void;
}

export interface SweepResult {
  listed: number;
  tagged: SweptInstance[];
  /** Tagged instances spared for being younger than `minAgeMinutes`. */
  young: SweptInstance[];
  deleted: string[];
  left: string[];
}

export interface SweptInstance {
  name: string;
  runTag: string;
  protected: boolean;
  /** Minutes since it was created, when the target or its tag says. */
  ageMinutes: number | undefined;
}

interface ListedInstance {
  name?: unknown;
  tags?: unknown;
  terminationProtectionEnabled?: unknown;
  createDate?: unknown;
}

interface Listing {
  instances: ListedInstance[];
  /** The target's clock (its Date header), or undefined when it sent none. */
  targetNow: number | undefined;
}

const pageSize = 500;

export class SweepRefused extends Error {}

async function listAll(client: AtlasClient, projectId: string): Promise<Listing> {
  const path = `/api/atlas/v2/groups/${encodeURIComponent(projectId)}/serverless`;
  const all: ListedInstance[] = [];
  let targetNow: number | undefined;
  for (let page = 1; ; page += 1) {
    const query = { itemsPerPage: String(pageSize), pageNum: String(page) };
    const answer = await client.send({ method: 'GET', path, query });
    const date = Date.parse(answer.response.headers.date ?? '');
    targetNow ??= Number.isNaN(date) ? undefined : date;
    if (answer.response.status === 410) return { instances: all, targetNow };
    const results = (answer.response.json as { results?: unknown } | undefined)?.results;
    if (answer.response.status !== 200 || !Array.isArray(results)) {
      throw new SweepRefused(
        `listing the instances of project ${projectId} answered ${answer.response.status}: ` +
          answer.response.text.slice(0, 200),
      );
    }
    all.push(...(results as ListedInstance[]));
    if (results.length < pageSize) return { instances: all, targetNow };
  }
}

function ageMinutesOf(
  instance: ListedInstance,
  runTag: string,
  targetNow: number | undefined,
): number | undefined {
  const created = typeof instance.createDate === 'string' ? Date.parse(instance.createDate) : NaN;
  if (!Number.isNaN(created)) return ((targetNow ?? Date.now()) - created) / 60_000;
  const started = runTagStartedAt(runTag);
  return started === undefined ? undefined : (Date.now() - started.getTime()) / 60_000;
}

export async function sweepTagged(
  client: AtlasClient,
  projectId: string,
  options: SweepOptions = {},
): Promise<SweepResult> {
  const say = options.progress ?? (() => undefined);
  const { instances: listed, targetNow } = await listAll(client, projectId);
  const inScope = listed
    .map((instance): SweptInstance => {
      const runTag = runTagOf(instance) ?? '';
      return {
        name: String(instance.name),
        runTag,
        protected: instance.terminationProtectionEnabled === true,
        ageMinutes: ageMinutesOf(instance, runTag, targetNow),
      };
    })
    .filter(({ runTag }) => runTag !== '')
    .filter(({ runTag }) => options.only === undefined || isOfRun(runTag, options.only))
    .filter(({ runTag }) => options.except === undefined || !isOfRun(runTag, options.except));
  const minAge = options.minAgeMinutes;
  const isYoung = (i: SweptInstance) =>
    minAge !== undefined && i.ageMinutes !== undefined && i.ageMinutes < minAge;
  const young = inScope.filter(isYoung);
  const tagged = inScope.filter((i) => !isYoung(i));
  const scope =
    options.only !== undefined
      ? `of run ${options.only}`
      : options.except !== undefined
        ? 'left by earlier runs'
        : 'tagged by any run';
  say(`sweep: ${listed.length} instance(s) in project ${projectId}, ${tagged.length} ${scope}`);
  if (young.length > 0) {
    const names = young.map((i) => `${i.name} (${i.runTag}, ${Math.floor(i.ageMinutes ?? 0)} min)`);
    say(
      `sweep: left ${young.length} tagged instance(s) younger than ${minAge} min, maybe of a ` +
        `run still going (ATLAS_CONFORMANCE_SWEEP_MIN_AGE): ${names.join(', ')}`,
    );
  }

  const result: SweepResult = { listed: listed.length, tagged, young, deleted: [], left: [] };
  if (options.dryRun) {
    for (const instance of tagged) say(`sweep: would delete ${instance.name} (${instance.runTag})`);
    return result;
  }
  for (const [index, instance] of tagged.entries()) {
    const position = `[${index + 1}/${tagged.length}]`;
    const outcome = await deleteInstance(client, projectId, instance.name, instance.protected);
    if (outcome.deleted) {
      result.deleted.push(instance.name);
      say(`sweep: ${position} deleted ${instance.name} (run ${instance.runTag})`);
    } else {
      result.left.push(`${instance.name} (${outcome.status})`);
      say(`sweep: ${position} could NOT delete ${instance.name}: answered ${outcome.status}`);
    }
  }
  return result;
}
