/**
 * What the mock answers outside its routes, always Atlas-style and never a crash:
 * - a known path with a method it lacks: 405 with an empty body and an `Allow` header
 *   (recorded, atlas-behaviour.md §5); OPTIONS on a known path answers 200 with that header;
 * - an unknown path under /api: 404 RESOURCE_NOT_FOUND "Cannot find resource <path>." (the
 *   page's 404 example; what Atlas answers to an unknown path was never recorded);
 * - a body over the size limit: 413 with Atlas's error fields and no errorCode (never recorded:
 *   the mock invents no code);
 * - a URL that cannot be decoded (`%zz`): 404 RESOURCE_NOT_FOUND, as it names no resource;
 * - any other failure of the HTTP layer (a bad Content-Length): 400 MALFORMED_JSON when it
 *   concerns the body, else 400 INVALID_QUERY_PARAMETER, and only a real bug in the mock
 *   answers 500 UNEXPECTED_ERROR.
 * Each goes through sendAnswer, so `envelope`, `pretty` and the simulated `Date` apply.
 */
import { STATUS_CODES } from 'node:http';

import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { atlasError, mockError, type MockAnswer } from '../atlas-error.ts';
import type { MockContext } from '../mock-context.ts';
import { sendAnswer, type AnswerContext } from '../send-answer.ts';

/** Every path the mock serves under /api, with its methods (HEAD follows GET). */
const knownPaths: { pattern: RegExp; methods: string[] }[] = [
  // In Atlas's order: the recorded 405 said `Allow: POST,GET,OPTIONS` (atlas-behaviour.md §5).
  { pattern: /^\/api\/atlas\/v2\/groups\/[^/]+\/serverless\/?$/, methods: ['POST', 'GET'] },
  {
    pattern: /^\/api\/atlas\/v2\/groups\/[^/]+\/serverless\/[^/]+\/?$/,
    methods: ['GET', 'PATCH', 'DELETE'],
  },
  { pattern: /^\/api\/atlas\/v2\/groups\/[^/]+\/flexClusters\/[^/]+\/?$/, methods: ['GET'] },
  { pattern: /^\/api\/oauth\/(token|revoke)\/?$/, methods: ['POST'] },
];

function allowedMethods(path: string): string[] | undefined {
  return knownPaths.find((known) => known.pattern.test(path))?.methods;
}

function bareContext(context: MockContext): AnswerContext {
  return {
    now: context.clock.now(),
    mediaType: undefined,
    deprecationHeaders: undefined,
    envelopeStatus: context.options.envelopeStatus,
  };
}

export function pathOf(request: FastifyRequest): string {
  const url = request.url;
  const query = url.indexOf('?');
  return query < 0 ? url : url.slice(0, query);
}

export function notFoundOrNotAllowed(
  context: MockContext,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const path = pathOf(request);
  const methods = allowedMethods(path);
  if (methods !== undefined) {
    const allow = [...methods, 'OPTIONS'].join(',');
    const status = request.method === 'OPTIONS' ? 200 : 405;
    reply.header('Date', context.clock.now().toUTCString()).header('Allow', allow);
    return reply.code(status).send();
  }
  const answer = mockError(404, 'RESOURCE_NOT_FOUND', `Cannot find resource ${path}.`, [path]);
  return sendAnswer(request, reply, answer, bareContext(context));
}

function answerForError(error: FastifyError): MockAnswer {
  const status = error.statusCode ?? 500;
  if (status === 413) {
    return {
      status,
      body: {
        detail: 'The request body is too large.',
        error: status,
        reason: STATUS_CODES[status],
      },
    };
  }
  if (status === 415) return atlasError('media-type-unsupported', ['']);
  if (status >= 400 && status < 500) {
    return error.code?.startsWith('FST_ERR_CTP') === true
      ? atlasError('json-malformed')
      : mockError(400, 'INVALID_QUERY_PARAMETER', 'Invalid request.', []);
  }
  return atlasError('server-fault');
}

/** For fastify's `frameworkErrors`: a URL that cannot be decoded names no resource. */
export function answerUndecodableUrl(
  context: MockContext,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const path = pathOf(request);
  const answer = mockError(404, 'RESOURCE_NOT_FOUND', `Cannot find resource ${path}.`, [path]);
  return sendAnswer(request, reply, answer, bareContext(context));
}

export function registerFallbacks(app: FastifyInstance, context: MockContext): void {
  app.setNotFoundHandler((request, reply) => notFoundOrNotAllowed(context, request, reply));
  app.setErrorHandler((error: FastifyError, request, reply) => {
    sendAnswer(request, reply, answerForError(error), bareContext(context));
  });
}
