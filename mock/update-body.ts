/**
 * The PATCH body of a serverless instance (ServerlessInstanceDescriptionUpdate: the backup
 * options, the tags, termination protection; official-contract.md), checked the way the create
 * is: unknown fields first, then types, then tag lengths (1 to 255 characters), each answered
 * with the create's catalogue scenario.
 */
import type { ScenarioId } from '../contracts/catalogue.ts';

export interface InstanceUpdate {
  serverlessBackupOptions?: { serverlessContinuousBackupEnabled?: boolean };
  tags?: { key: string; value: string }[];
  terminationProtectionEnabled?: boolean;
}

export type UpdateReading =
  { ok: true; update: InstanceUpdate } | { ok: false; scenario: ScenarioId; parameters: string[] };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const allowed = new Set(['serverlessBackupOptions', 'tags', 'terminationProtectionEnabled']);

export function readUpdate(body: unknown): UpdateReading {
  const refuse = (scenario: ScenarioId, attribute: string): UpdateReading => ({
    ok: false,
    scenario,
    parameters: [attribute],
  });
  if (!isObject(body)) return refuse('json-type-invalid', 'body');
  const unknown = Object.keys(body).find((key) => !allowed.has(key));
  if (unknown !== undefined) return refuse('attribute-unknown', unknown);

  const { serverlessBackupOptions: backup, tags, terminationProtectionEnabled: protect } = body;
  if (protect !== undefined && typeof protect !== 'boolean') {
    return refuse('json-type-invalid', 'terminationProtectionEnabled');
  }
  if (backup !== undefined) {
    if (!isObject(backup)) return refuse('json-type-invalid', 'serverlessBackupOptions');
    const extra = Object.keys(backup).find((key) => key !== 'serverlessContinuousBackupEnabled');
    if (extra !== undefined) return refuse('attribute-unknown', `serverlessBackupOptions.${extra}`);
    const flag = backup.serverlessContinuousBackupEnabled;
    if (flag !== undefined && typeof flag !== 'boolean') {
      return refuse(
        'json-type-invalid',
        'serverlessBackupOptions.serverlessContinuousBackupEnabled',
      );
    }
  }
  if (tags !== undefined) {
    if (!Array.isArray(tags)) return refuse('json-type-invalid', 'tags');
    for (const [index, tag] of tags.entries()) {
      if (!isObject(tag)) return refuse('json-type-invalid', `tags.${index}`);
      const extra = Object.keys(tag).find((key) => key !== 'key' && key !== 'value');
      if (extra !== undefined) return refuse('attribute-unknown', `tags.${index}.${extra}`);
      for (const field of ['key', 'value'] as const) {
        const text = tag[field];
        if (text === undefined) return refuse('missing-attribute', `tags.${index}.${field}`);
        if (typeof text !== 'string') return refuse('json-type-invalid', `tags.${index}.${field}`);
        if (text.length < 1 || text.length > 255) {
          return refuse('tag-invalid', `tags.${index}.${field}`);
        }
      }
    }
  }
  return { ok: true, update: body as InstanceUpdate };
}
