/**
 * Applies the armed operational faults (mock/operational-faults.ts) to requests under /api,
 * before anything else runs, as a proxy in front of Atlas would.
 */
import { setTimeout as sleep } from 'node:timers/promises';

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { atlasError } from '../atlas-error.ts';
import type { MockContext } from '../mock-context.ts';
import { sendAnswer } from '../send-answer.ts';
import { pathOf } from './fallback.ts';

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
    case 'server-error':
      return sendAnswer(request, reply, atlasError('server-fault'), {
        now: context.clock.now(),
        mediaType: undefined,
        deprecationHeaders: undefined,
        envelopeStatus: context.options.envelopeStatus,
      });
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
