/**
 * The run tag: a resource tag put on every instance a run creates on a live target, so that the
 * run's clean-up, and the sweep of any later run, find it even when the run was killed.
 */
import { randomBytes } from 'node:crypto';

/** Same key as fixtures/requests.ts `runTagKey` (lib may not import fixtures). */
export const runTagKey = 'atlas-conformance-run';

export interface Tag {
  key: string;
  value: string;
}

/** A fresh tag value: the UTC start time (sortable, readable in the Atlas UI) and 6 hex digits. */
export function newRunTagValue(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').slice(0, 15);
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}

/** When a run tagged `value` started, read from newRunTagValue's stamp (a shard suffix too). */
export function runTagStartedAt(value: string): Date | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})-/.exec(value);
  if (match === null) return undefined;
  const [, y, mo, d, h, mi, s] = match;
  const at = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

/**
 * The body with the run tag added to its `tags`. Bodies whose `tags` is not an array (a check
 * sending a malformed value on purpose) are sent untouched: adding to them would change what
 * the check tests, and the target must refuse them anyway.
 */
export function withRunTag(body: unknown, value: string): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const record = body as Record<string, unknown>;
  if (record.tags !== undefined && !Array.isArray(record.tags)) return body;
  const tags = (record.tags as unknown[] | undefined) ?? [];
  return { ...record, tags: [...tags, { key: runTagKey, value }] };
}

/** The tag of one machine of a run: `<tag>.shard<i>` when Playwright runs shard i of n. */
export function machineRunTag(runTag: string, playwrightArgs: readonly string[]): string {
  const joined = playwrightArgs.join(' ');
  const shard = /--shard[= ](\d+)\/\d+/.exec(joined)?.[1];
  return shard === undefined ? runTag : `${runTag}.shard${shard}`;
}

/** Whether `tag` belongs to the run tagged `runTag` (the tag itself or one of its shards). */
export function isOfRun(tag: string, runTag: string): boolean {
  return tag === runTag || tag.startsWith(`${runTag}.`);
}

/** The run tag value an instance (as Atlas lists it) carries, if any. */
export function runTagOf(instance: { tags?: unknown }): string | undefined {
  if (!Array.isArray(instance.tags)) return undefined;
  const tag = (instance.tags as Partial<Tag>[]).find((t) => t?.key === runTagKey);
  return typeof tag?.value === 'string' ? tag.value : undefined;
}

/**
 * The tags a create actually sent, as recorded: on a live target they include the run tag the
 * client added, and the target must echo them all.
 */
export function tagsSent(request: { body: string | undefined }): unknown[] {
  try {
    const tags = (JSON.parse(request.body ?? '{}') as { tags?: unknown }).tags;
    return Array.isArray(tags) ? tags : [];
  } catch {
    return [];
  }
}
