/**
 * Applies the armed operational faults (mock/operational-faults.ts) to requests under /api,
 * before anything else runs, as a proxy in front of Atlas would. The 500 is Atlas's own
 * UNEXPECTED_ERROR; the 502 is the proxy's HTML page, without any Atlas header.
 */
import { setTimeout as sleep } from 'node:timers/promises';

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { atlasError } from '../atlas-error.ts';
import { mockEraAt } from '../era.ts';
import type { MockContext } from '../mock-context.ts';
import { sendAnswer } from '../send-answer.ts';
import { pathOf } from './fallback.ts';

const serverlessPath = /^\/api\/atlas\/v2\/groups\/[^/]+\/serverless(\/|$)/;

/** The page nginx-style gateways send; Atlas's recorded 502 was such an HTML page (§5). */
const badGatewayPage =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n' +
  '<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n';

async function applyOperationalFaults(
  context: MockContext,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const hit = context.operationalFaults.take(request.method, pathOf(request));
  if (hit.latencyMs > 0) await sleep(hit.latencyMs);
  switch (hit.failure) {
    case 'server-error': {
      // Atlas's 500 is an answer of the serverless version, so it carries that version's
      // Deprecation and Sunset headers in their era, as its other errors do (§3): a GET's are
      // the reads' own (mock/era.ts).
      const now = context.clock.now();
      const path = pathOf(request);
      const era = mockEraAt(now);
      return sendAnswer(request, reply, atlasError('server-fault'), {
        now,
        mediaType: undefined,
        deprecationHeaders: !serverlessPath.test(path)
          ? undefined
          : request.method === 'GET'
            ? era.readDeprecationHeaders
            : era.deprecationHeaders,
        envelopeStatus: context.options.envelopeStatus,
      });
    }
    case 'bad-gateway':
      return reply
        .code(502)
        .header('Content-Type', 'text/html')
        .header('Date', context.clock.now().toUTCString())
        .send(badGatewayPage);
    case 'drop':
      reply.hijack();
      request.raw.socket.destroy();
      return reply;
    default:
      return;
  }
}

export function registerOperationalFaultHook(app: FastifyInstance, context: MockContext): void {
  // A callback hook that stays synchronous while nothing is armed: no promise per request.
  app.addHook('onRequest', (request, reply, done) => {
    if (context.operationalFaults.isEmpty || !request.url.startsWith('/api/')) return done();
    applyOperationalFaults(context, request, reply).then(
      () => (reply.sent || reply.raw.headersSent || request.raw.destroyed ? undefined : done()),
      done,
    );
  });
}
