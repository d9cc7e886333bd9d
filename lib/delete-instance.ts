/**
 * Deleting one serverless instance for good, as the clean-up and the sweep need it: termination
 * protection is switched off first (PATCH), then DELETE. Answers that mean "gone or going"
 * (202, 204, 404, or 400 already requested for deletion) count as done.
 */
import type { AtlasClient } from './atlas-client.ts';

export interface DeleteOutcome {
  deleted: boolean;
  /** The last status seen, for the leftover message. */
  status: number;
}

const goneStatuses = new Set([202, 204, 404]);
const protectionAttempts = 3;
const afterUnprotectMs = 2_000;

export function serverlessInstancePath(groupId: string, name: string): string {
  const group = encodeURIComponent(groupId);
  return `/api/atlas/v2/groups/${group}/serverless/${encodeURIComponent(name)}`;
}

function errorCodeOf(json: unknown): string {
  const code = (json as { errorCode?: unknown } | undefined)?.errorCode;
  return typeof code === 'string' ? code : '';
}

function isDone(status: number, json: unknown): boolean {
  return goneStatuses.has(status) || /ALREADY_REQUESTED_DELETION/.test(errorCodeOf(json));
}

export async function deleteInstance(
  client: AtlasClient,
  groupId: string,
  name: string,
  knownProtected = false,
  sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<DeleteOutcome> {
  const path = serverlessInstancePath(groupId, name);
  const unprotect = () =>
    client.send({ method: 'PATCH', path, body: { terminationProtectionEnabled: false } });

  if (knownProtected) await unprotect();
  let answer = await client.send({ method: 'DELETE', path });
  if (isDone(answer.response.status, answer.response.json)) {
    return { deleted: true, status: answer.response.status };
  }
  if (answer.response.status !== 400) return { deleted: false, status: answer.response.status };

  // Refused: most likely protected (or still updating after the PATCH). Unprotect, then try a
  // few times while the instance settles.
  await unprotect();
  for (let attempt = 1; attempt <= protectionAttempts; attempt += 1) {
    answer = await client.send({ method: 'DELETE', path });
    if (isDone(answer.response.status, answer.response.json)) {
      return { deleted: true, status: answer.response.status };
    }
    if (attempt < protectionAttempts) await sleep(afterUnprotectMs * attempt);
  }
  return { deleted: false, status: answer.response.status };
}
