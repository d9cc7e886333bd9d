/**
 * Faults planted on the wire: the routes answer correctly, then the answer is changed the way a
 * faulty server (or a proxy in front of it) would have written it. Each fault touches only the
 * answers it is about and leaves every other answer as the route wrote it.
 */
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';

import type { FaultId } from '../faults.ts';
import { bodyRecord, type WireAnswer } from './wire-answer.ts';

type WireFault = (answer: WireAnswer) => void;

const isError = (answer: WireAnswer) => answer.reply.statusCode >= 400;
const isCreated = (answer: WireAnswer) =>
  answer.route === 'create' && answer.reply.statusCode === 201;

function setBody(answer: WireAnswer, change: (body: Record<string, unknown>) => void): void {
  const body = bodyRecord(answer);
  if (body === undefined) return;
  change(body);
  answer.changed = true;
}

function replaceWithError(answer: WireAnswer, status: number, errorCode: string, detail: string) {
  answer.reply.code(status);
  answer.reply.header('Content-Type', 'application/json');
  answer.reply.header('X-Error-Code', errorCode);
  answer.body = { detail, error: status, errorCode, parameters: [], reason: STATUS_CODES[status] };
  if (answer.envelope !== undefined) answer.envelope = { status };
  answer.changed = true;
}

/** The non-ASCII bytes of the request body, if it had any. */
function requestHasNonAscii(answer: WireAnswer): boolean {
  const raw: unknown = answer.request.body;
  return Buffer.isBuffer(raw) && raw.some((byte) => byte > 0x7f);
}

/** Whether the create's request body left the backup flag out. */
function backupFlagLeftOut(answer: WireAnswer): boolean {
  const raw: unknown = answer.request.body;
  try {
    const sent = JSON.parse(Buffer.isBuffer(raw) ? raw.toString('utf8') : '') as {
      serverlessBackupOptions?: { serverlessContinuousBackupEnabled?: unknown };
    };
    return sent.serverlessBackupOptions?.serverlessContinuousBackupEnabled === undefined;
  } catch {
    return false;
  }
}

export const wireFaults: Partial<Record<FaultId, WireFault>> = {
  'group-id-unchecked': (answer) => {
    const code = (bodyRecord(answer) ?? {}).errorCode;
    if (code !== 'INVALID_GROUP_ID' && code !== 'GROUP_ID_INVALID') return;
    replaceWithError(
      answer,
      401,
      'USER_UNAUTHORIZED',
      'Current user is not authorized to perform this action.',
    );
  },
  'create-status-200': (answer) => {
    if (isCreated(answer)) answer.reply.code(200);
  },
  'create-id-not-object-id': (answer) => {
    if (isCreated(answer)) setBody(answer, (body) => (body.id = randomUUID()));
  },
  'state-name-outside-enum': (answer) => {
    if (isCreated(answer)) setBody(answer, (body) => (body.stateName = 'PROVISIONING'));
  },
  'create-date-not-date-time': (answer) => {
    if (!isCreated(answer)) return;
    setBody(answer, (body) => {
      body.createDate = new Date(String(body.createDate)).toUTCString();
    });
  },
  'tags-dropped': (answer) => {
    if (isCreated(answer)) setBody(answer, (body) => (body.tags = []));
  },
  'termination-protection-not-echoed': (answer) => {
    if (isCreated(answer)) setBody(answer, (body) => (body.terminationProtectionEnabled = false));
  },
  'region-not-echoed': (answer) => {
    if (!isCreated(answer)) return;
    setBody(answer, (body) => {
      const settings = body.providerSettings as Record<string, unknown> | undefined;
      if (settings !== undefined) settings.regionName = 'US_EAST_1';
    });
  },
  'flex-backup-default-on': (answer) => {
    if (!isCreated(answer) || !backupFlagLeftOut(answer)) return;
    setBody(answer, (body) => {
      const settings = body.providerSettings as Record<string, unknown> | undefined;
      if (settings?.effectiveInstanceSizeName !== 'FLEX') return;
      body.serverlessBackupOptions = { serverlessContinuousBackupEnabled: true };
    });
  },
  'success-media-type-unversioned': (answer) => {
    if (!isError(answer)) answer.reply.header('Content-Type', 'application/json');
  },
  'error-media-type-html': (answer) => {
    if (isError(answer)) answer.reply.header('Content-Type', 'text/html;charset=utf-8');
  },
  'envelope-ignored': (answer) => {
    if (answer.envelope === undefined) return;
    answer.envelope = undefined;
    answer.changed = true;
  },
  'envelope-status-wrong': (answer) => {
    if (answer.envelope === undefined) return;
    answer.envelope = { status: 200 };
    answer.changed = true;
  },
  'pretty-ignored': (answer) => {
    answer.pretty = false;
    answer.changed = true;
  },
  'pretty-always': (answer) => {
    answer.pretty = true;
    answer.changed = true;
  },
  'error-code-generic': (answer) => {
    if (answer.reply.statusCode !== 400) return;
    answer.reply.header('X-Error-Code', 'BAD_REQUEST');
    setBody(answer, (body) => (body.errorCode = 'BAD_REQUEST'));
  },
  'error-reason-wrong': (answer) => {
    const status = answer.reply.statusCode;
    if (status > 400 && status < 500) setBody(answer, (body) => (body.reason = 'Bad Request'));
  },
  'error-number-mismatch': (answer) => {
    if (isError(answer)) setBody(answer, (body) => (body.error = 400));
  },
  'validation-status-422': (answer) => {
    if (answer.route !== 'create' || answer.reply.statusCode !== 400) return;
    answer.reply.code(422);
    setBody(answer, (body) => {
      body.error = 422;
      body.reason = STATUS_CODES[422];
    });
    if (answer.envelope !== undefined) answer.envelope = { status: 422 };
  },
  'error-number-as-string': (answer) => {
    if (isError(answer)) setBody(answer, (body) => (body.error = String(body.error)));
  },
  'digest-challenge-missing': (answer) => {
    answer.reply.removeHeader('WWW-Authenticate');
  },
  'digest-challenge-malformed': (answer) => {
    const challenge = answer.reply.getHeader('WWW-Authenticate');
    if (typeof challenge !== 'string') return;
    answer.reply.header(
      'WWW-Authenticate',
      `${challenge.replace('algorithm=MD5', 'algorithm="MD5"')}, charset=UTF-8`,
    );
  },
  'get-not-found': (answer) => {
    if (answer.route !== 'instance' || answer.request.method !== 'GET') return;
    if (answer.reply.statusCode !== 200) return;
    const { name, groupId } = answer.request.params as { name: string; groupId: string };
    replaceWithError(
      answer,
      404,
      'SERVERLESS_INSTANCE_NOT_FOUND',
      `Serverless instance ${name} does not exist in group ${groupId}.`,
    );
  },
  'deprecation-headers-missing': (answer) => {
    answer.reply.removeHeader('Deprecation');
    answer.reply.removeHeader('Sunset');
  },
  'sunset-header-malformed': (answer) => {
    const sunset = answer.reply.getHeader('Sunset');
    if (typeof sunset !== 'string') return;
    answer.reply.header('Sunset', new Date(sunset).toISOString().slice(0, 10));
  },
  'rate-limit-without-retry-after': (answer) => {
    if (answer.reply.statusCode === 429) answer.reply.removeHeader('Retry-After');
  },
  'server-error-on-unicode': (answer) => {
    if (!isCreated(answer) || !requestHasNonAscii(answer)) return;
    replaceWithError(answer, 500, 'UNEXPECTED_ERROR', 'Unexpected error.');
  },
};
