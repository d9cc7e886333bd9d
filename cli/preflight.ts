/**
 * Before any check: the target answers HTTP at all. An unreachable target is one clear line and
 * exit 2, not a report full of failures.
 */
import { AtlasClient, TargetUnreachable } from '../lib/atlas-client.ts';
import type { RunConfig } from '../lib/config.ts';

export async function preflight(config: RunConfig, env: NodeJS.ProcessEnv): Promise<string> {
  const baseUrl = config.baseUrl ?? env.MONGODB_ATLAS_BASE_URL;
  if (baseUrl === undefined)
    throw new TargetUnreachable('no target: MONGODB_ATLAS_BASE_URL is empty');
  const client = new AtlasClient(baseUrl, { kind: 'digest', publicKey: '', privateKey: '' });
  const probe = await client.send({
    method: 'POST',
    path: `/api/atlas/v2/groups/${config.projectId ?? '000000000000000000000000'}/serverless`,
    auth: 'none',
  });
  if (probe.response.status >= 500 && probe.response.json === undefined) {
    throw new TargetUnreachable(
      `${new URL(baseUrl).origin} answered ${probe.response.status} with a body that is not ` +
        'JSON: is it an Atlas API?',
    );
  }
  const date = probe.response.headers.date ?? 'unknown';
  return `Preflight: ${new URL(baseUrl).origin} answered ${probe.response.status} (date ${date})`;
}
