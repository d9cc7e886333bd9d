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
 * - a list the target refuses with 410 (the endpoint is past its sunset) means nothing could
 *   have been created: there is nothing to sweep.
 */
import type { AtlasClient } from '../lib/atlas-client.ts';
import { deleteInstance } from '../lib/delete-instance.ts';
import { isOfRun, runTagOf } from '../lib/run-tag.ts';

export interface SweepOptions {
  /** Sweep everything tagged except this run's instances. */
  except?: string;
  /** Sweep only this run's instances. */
  only?: string;
  /** List what would be deleted, delete nothing. */
  dryRun?: boolean;
  progress?: (line: string) => void;
}

export interface SweepResult {
  listed: number;
  tagged: { name: string; runTag: string; protected: boolean }[];
  deleted: string[];
  left: string[];
}

interface ListedInstance {
  name?: unknown;
  tags?: unknown;
  terminationProtectionEnabled?: unknown;
}

const pageSize = 500;

export class SweepRefused extends Error {}

async function listAll(client: AtlasClient, projectId: string): Promise<ListedInstance[]> {
  const path = `/api/atlas/v2/groups/${encodeURIComponent(projectId)}/serverless`;
  const all: ListedInstance[] = [];
  for (let page = 1; ; page += 1) {
    const query = { itemsPerPage: String(pageSize), pageNum: String(page) };
    const answer = await client.send({ method: 'GET', path, query });
    if (answer.response.status === 410) return all;
    const results = (answer.response.json as { results?: unknown } | undefined)?.results;
    if (answer.response.status !== 200 || !Array.isArray(results)) {
      throw new SweepRefused(
        `listing the instances of project ${projectId} answered ${answer.response.status}: ` +
          answer.response.text.slice(0, 200),
      );
    }
    all.push(...(results as ListedInstance[]));
    if (results.length < pageSize) return all;
  }
}

export async function sweepTagged(
  client: AtlasClient,
  projectId: string,
  options: SweepOptions = {},
): Promise<SweepResult> {
  const say = options.progress ?? (() => undefined);
  const listed = await listAll(client, projectId);
  const tagged = listed
    .map((instance) => ({
      name: String(instance.name),
      runTag: runTagOf(instance) ?? '',
      protected: instance.terminationProtectionEnabled === true,
    }))
    .filter(({ runTag }) => runTag !== '')
    .filter(({ runTag }) => options.only === undefined || isOfRun(runTag, options.only))
    .filter(({ runTag }) => options.except === undefined || !isOfRun(runTag, options.except));
  const scope =
    options.only !== undefined
      ? `of run ${options.only}`
      : options.except !== undefined
        ? 'left by earlier runs'
        : 'tagged by any run';
  say(`sweep: ${listed.length} instance(s) in project ${projectId}, ${tagged.length} ${scope}`);

  const result: SweepResult = { listed: listed.length, tagged, deleted: [], left: [] };
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
