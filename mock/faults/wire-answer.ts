/**
 * One answer on its way out, opened up so that a planted fault can change it the way a faulty
 * server would have written it: status, headers, and the body under its envelope and pretty
 * form. The body is only written anew when a fault changed it, so that an answer no fault
 * touches leaves byte for byte as the route wrote it.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

import { jacksonPretty } from '../jackson-pretty.ts';
import { queryFlag } from '../send-answer.ts';

export type RouteKind = 'create' | 'instance' | 'other';

export interface WireAnswer {
  request: FastifyRequest;
  reply: FastifyReply;
  route: RouteKind;
  /** The body as the plain answer would carry it (the envelope's content, when wrapped). */
  body: unknown;
  /** The wrapper of an enveloped answer, with the status it states. */
  envelope: { status: unknown } | undefined;
  pretty: boolean;
  /** Whether the payload is JSON; other payloads only ever see their headers changed. */
  isJson: boolean;
  /** Set by a fault that changed body, envelope or pretty. */
  changed: boolean;
}

const serverlessRoute = '/api/atlas/v2/groups/:groupId/serverless';

export function routeKindOf(request: FastifyRequest): RouteKind {
  const url = request.routeOptions.url;
  if (url === serverlessRoute && request.method === 'POST') return 'create';
  if (url === `${serverlessRoute}/:name`) return 'instance';
  return 'other';
}

function parseJson(text: unknown): { ok: true; value: unknown } | { ok: false } {
  if (typeof text !== 'string' || text === '') return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Opens the payload: its JSON body when it has one, its headers in any case. */
export function openAnswer(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): WireAnswer {
  const text = Buffer.isBuffer(payload) ? payload.toString('utf8') : payload;
  const json = parseJson(text);
  const route = routeKindOf(request);
  if (!json.ok) {
    const base = { request, reply, route, body: undefined, envelope: undefined };
    return { ...base, pretty: false, isJson: false, changed: false };
  }
  const parsed = json.value;
  const wrapped =
    queryFlag(request, 'envelope') &&
    typeof parsed === 'object' &&
    parsed !== null &&
    'content' in parsed &&
    'status' in parsed;
  const envelope = wrapped ? { status: (parsed as { status: unknown }).status } : undefined;
  return {
    request,
    reply,
    route,
    body: wrapped ? (parsed as { content: unknown }).content : parsed,
    envelope,
    pretty: typeof text === 'string' && text.includes('\n'),
    isJson: true,
    changed: false,
  };
}

/** The payload to send: the original one, or the answer written anew when a fault changed it. */
export function closeAnswer(answer: WireAnswer, original: unknown): unknown {
  if (!answer.changed || !answer.isJson) return original;
  const whole =
    answer.envelope === undefined
      ? answer.body
      : { status: answer.envelope.status, content: answer.body };
  const text = answer.pretty ? jacksonPretty(whole) : JSON.stringify(whole);
  return Buffer.from(text, 'utf8');
}

/** The body as a mutable record, or undefined when it is not an object. */
export function bodyRecord(answer: WireAnswer): Record<string, unknown> | undefined {
  const body = answer.body;
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : undefined;
}
