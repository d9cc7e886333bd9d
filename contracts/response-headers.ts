/**
 * The headers of a recorded answer, judged against what atlas-behaviour.md §3 records:
 * - success bodies are sent as the operation's versioned type with `charset=utf-8`
 *   (`application/vnd.atlas.2023-01-01+json;charset=utf-8`): another type, or another charset,
 *   is a deviation; a missing charset is drift (the published contract names the type only,
 *   official-contract.md §1, while every recorded answer carries it);
 * - ApiError bodies are sent as `application/json` (official-contract.md §6); OAuth bodies too
 *   (RFC 6749 §5.1-5.2);
 * - `X-Error-Code`, when sent with a body that has an `errorCode`, equals it.
 * Only the headers a capture holds are judged: captures often keep some headers only.
 * Findings point at `header:<Name>`.
 */
import type { OperationContract } from './operations.ts';
import type { ContractName } from './schemas.ts';
import type { Finding } from './validator.ts';

export type HeaderMap = Readonly<Record<string, string | readonly string[] | undefined>>;

/** A header's value, the name matched without regard to case (the first one if repeated). */
export function headerValue(headers: HeaderMap | undefined, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return typeof value === 'string' ? value : value[0];
  }
  return undefined;
}

export interface MediaType {
  type: string;
  parameters: Record<string, string>;
}

/** `application/json; charset=UTF-8` as `{type: 'application/json', {charset: 'utf-8'}}`. */
export function parseMediaType(value: string): MediaType {
  const [type = '', ...rest] = value.split(';');
  const parameters: Record<string, string> = {};
  for (const part of rest) {
    const at = part.indexOf('=');
    if (at < 0) continue;
    const key = part.slice(0, at).trim().toLowerCase();
    parameters[key] = part
      .slice(at + 1)
      .trim()
      .replace(/^"|"$/g, '')
      .toLowerCase();
  }
  return { type: type.trim().toLowerCase(), parameters };
}

const versionedType = /^application\/vnd\.atlas\.\d{4}-\d{2}-\d{2}\+json$/;
const successContracts: ContractName[] = ['instance', 'list', 'request-accepted', 'flex-cluster'];
const jsonContracts: ContractName[] = ['error', 'oauth-token', 'oauth-error'];

export interface HeaderFindings {
  deviations: Finding[];
  drift: Finding[];
}

export interface JudgedAnswer {
  status: number;
  headers: HeaderMap | undefined;
  /** The contract the body was judged against. */
  contract: ContractName;
  /** The body judged (inside an envelope: its content). */
  body: unknown;
  operation: OperationContract | undefined;
}

function mediaTypeFindings(answer: JudgedAnswer, out: HeaderFindings): void {
  const value = headerValue(answer.headers, 'Content-Type');
  if (value === undefined) return;
  const { type, parameters } = parseMediaType(value);
  const pointer = 'header:Content-Type';

  if (jsonContracts.includes(answer.contract)) {
    if (type !== 'application/json') {
      out.deviations.push({
        pointer,
        rule: 'media-type',
        message: `the ${answer.contract} body must be sent as application/json, not ${value}`,
      });
    }
    return;
  }
  if (!successContracts.includes(answer.contract)) return;

  const declared = answer.operation?.responses[String(answer.status)]?.mediaTypes;
  const allowed = declared === undefined ? versionedType.test(type) : declared.includes(type);
  if (!allowed) {
    const wanted = declared?.join(' or ') ?? 'a versioned application/vnd.atlas.<date>+json';
    out.deviations.push({
      pointer,
      rule: 'media-type',
      message: `the ${answer.contract} body must be sent as ${wanted}, not ${value}`,
    });
    return;
  }
  const charset = parameters.charset;
  if (charset === undefined) {
    out.drift.push({
      pointer,
      rule: 'charset',
      message: `real Atlas sends ${type};charset=utf-8 (atlas-behaviour.md §3), not ${value}`,
    });
  } else if (charset !== 'utf-8') {
    out.deviations.push({
      pointer,
      rule: 'charset',
      message: `JSON must be sent in UTF-8 (RFC 8259 §8.1), not charset=${charset}`,
    });
  }
}

function errorCodeFindings(answer: JudgedAnswer, out: HeaderFindings): void {
  const header = headerValue(answer.headers, 'X-Error-Code');
  const body = answer.body as { errorCode?: unknown } | undefined;
  const code = typeof body === 'object' && body !== null ? body.errorCode : undefined;
  if (header === undefined || typeof code !== 'string' || header.trim() === code) return;
  out.deviations.push({
    pointer: 'header:X-Error-Code',
    rule: 'x-error-code',
    message:
      `X-Error-Code ${header} must equal the body's errorCode ${code} ` + '(atlas-behaviour.md §3)',
  });
}

/** What the headers of an answer break, split into deviations and drift. */
export function judgeHeaders(answer: JudgedAnswer): HeaderFindings {
  const out: HeaderFindings = { deviations: [], drift: [] };
  mediaTypeFindings(answer, out);
  errorCodeFindings(answer, out);
  return out;
}
