/**
 * Writes a mock answer on the wire the way Atlas does: media types, `envelope`, `pretty`,
 * `X-Error-Code`, the `Date` of the simulated clock, and the version's deprecation headers.
 *
 * Rules:
 * - Success bodies carry the negotiated versioned media type with charset; error bodies carry
 *   plain application/json (atlas-behaviour.md §3).
 * - `envelope=true` wraps any body as {status, content}, except that a paginated list only
 *   gains `status`; `pretty=true` indents any body (REF "Envelopes" and "Pretty"). Only the
 *   spellings true and false are read as booleans; any other value is read as false, as
 *   Atlas's Java binding does (a documented guess).
 * - The 401 challenge body is always indented: Atlas's is (atlas-behaviour.md §1).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

import type { MockAnswer } from './atlas-error.ts';
import { jacksonPretty } from './jackson-pretty.ts';
import { TextOfSecond } from './text-of-second.ts';

export interface AnswerContext {
  now: Date;
  mediaType: string | undefined;
  deprecationHeaders: Record<string, string> | undefined;
  envelopeStatus: 'same' | '200';
  /** Headers every answer of this request carries (the project's rate-limit reading). */
  headers?: Record<string, string>;
}

export function queryFlag(request: FastifyRequest, name: string): boolean {
  // fastify leaves the query unparsed when the URL itself cannot be decoded.
  const query = (request.query ??
    Object.fromEntries(new URLSearchParams(request.url.split('?')[1] ?? ''))) as Record<
    string,
    string | string[] | undefined
  >;
  const value = query[name];
  return (Array.isArray(value) ? value[0] : value) === 'true';
}

const httpDates = new TextOfSecond((date) => date.toUTCString());

function setHeaders(reply: FastifyReply, headers: Record<string, string> | undefined): void {
  // for...in over the few own keys: no entries array per answer, as Object.entries would make.
  if (headers === undefined) return;
  for (const name in headers) reply.header(name, headers[name]);
}

export function sendAnswer(
  request: FastifyRequest,
  reply: FastifyReply,
  answer: MockAnswer,
  context: AnswerContext,
  options?: { alwaysPretty?: boolean },
): FastifyReply {
  const isError = answer.status >= 400;
  reply.header('Date', httpDates.of(context.now.getTime()));
  reply.header('Server', 'mdbws');
  reply.header('X-Content-Type-Options', 'nosniff');
  setHeaders(reply, context.deprecationHeaders);
  setHeaders(reply, context.headers);
  setHeaders(reply, answer.headers);

  const errorCode = isError
    ? (answer.body as { errorCode?: unknown } | undefined)?.errorCode
    : undefined;
  if (typeof errorCode === 'string') reply.header('X-Error-Code', errorCode);

  if (answer.body === undefined) return reply.code(answer.status).send();

  let status = answer.status;
  let body = answer.body;
  let text = answer.text;
  if (queryFlag(request, 'envelope')) {
    text = undefined;
    body = answer.paginated
      ? { ...(answer.body as object), status: answer.status }
      : { status: answer.status, content: answer.body };
    if (context.envelopeStatus === '200') status = 200;
  }
  const indent = options?.alwaysPretty === true || queryFlag(request, 'pretty');
  if (indent) text = jacksonPretty(body);
  else text ??= JSON.stringify(body);
  if (isError || context.mediaType === undefined) {
    // A Buffer keeps fastify from appending its own charset to plain application/json.
    return reply
      .code(status)
      .header('Content-Type', 'application/json')
      .send(Buffer.from(text, 'utf8'));
  }
  // The versioned type already names its charset, so fastify sends the text as it is, in one
  // write with the head and without a Buffer copy: the same bytes on the wire.
  const mediaType = `${context.mediaType};charset=utf-8`;
  return reply.code(status).header('Content-Type', mediaType).send(text);
}
