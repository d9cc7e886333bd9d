/**
 * The embedded Atlas: a fastify server with the serverless and Flex routes, the OAuth token
 * endpoints, the control endpoints, and Atlas-style answers for everything else. Bodies are
 * read raw, so that the routes answer malformed input the way Atlas does instead of fastify's
 * own error format.
 */
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';

import { loadWorld } from '../fixtures/world.ts';
import { defaultMockClockStart } from './clock.ts';
import { MockContext } from './mock-context.ts';
import type { MockOptions } from './options.ts';
import { defaultUnknownFacts } from './unknown-facts.ts';
import { defaultRateLimit } from './rate-limit.ts';
import { registerPlantedFaults } from './faults/register.ts';
import { registerControl } from './routes/control.ts';
import { createServerless } from './routes/create-serverless.ts';
import { answerUndecodableUrl, registerFallbacks } from './routes/fallback.ts';
import { getFlexCluster } from './routes/flex-cluster.ts';
import { deleteServerless, getServerless } from './routes/instance-by-name.ts';
import { listServerless } from './routes/list-serverless.ts';
import { issueToken, revokeToken } from './routes/oauth.ts';
import { registerOperationalFaultHook } from './routes/operational-fault-hook.ts';
import { updateServerless } from './routes/update-serverless.ts';

export const maxBodyBytes = 1024 * 1024;

/**
 * The default transition: short, so that lifecycle checks see CREATING turn IDLE in seconds
 * (real Atlas takes 8 to 18 s in cloud-dev, atlas-behaviour.md §7).
 */
export const defaultTransitionMs = 1500;

export function defaultMockOptions(overrides: Partial<MockOptions> = {}): MockOptions {
  return {
    world: overrides.world ?? loadWorld(),
    clockStart: defaultMockClockStart,
    transitionMs: defaultTransitionMs,
    rateLimit: defaultRateLimit,
    faults: new Set(),
    operationalFaults: [],
    ...defaultUnknownFacts,
    ...overrides,
  };
}

export function buildMockServer(options: MockOptions): {
  app: FastifyInstance;
  context: MockContext;
} {
  const context = new MockContext(options);
  const app: FastifyInstance = Fastify({
    logger: false,
    bodyLimit: maxBodyBytes,
    trustProxy: false,
    // Instance names are not length-limited by the contract: let long ones reach the routes.
    routerOptions: { maxParamLength: 2048 },
    frameworkErrors: (_error, request, reply) => answerUndecodableUrl(context, request, reply),
  });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  registerOperationalFaultHook(app, context);
  registerPlantedFaults(app, context);

  type Handler = (context: MockContext, request: never, reply: never) => unknown;
  const route = (handler: Handler) => (request: unknown, reply: FastifyReply) => {
    const result = handler(context, request as never, reply as never);
    // A handler that has sent its answer returns the reply. Handed back, fastify would treat it
    // as a thenable and settle a promise per request for nothing (seen in the bench's profile).
    return result === reply && reply.sent ? undefined : result;
  };
  const groups = '/api/atlas/v2/groups/:groupId';
  app.post(`${groups}/serverless`, route(createServerless));
  app.get(`${groups}/serverless`, route(listServerless));
  app.get(`${groups}/serverless/:name`, route(getServerless));
  app.patch(`${groups}/serverless/:name`, route(updateServerless));
  app.delete(`${groups}/serverless/:name`, route(deleteServerless));
  app.get(`${groups}/flexClusters/:name`, route(getFlexCluster));
  app.post('/api/oauth/token', route(issueToken));
  app.post('/api/oauth/revoke', route(revokeToken));
  registerControl(app, context);
  registerFallbacks(app, context);
  return { app, context };
}

export interface RunningMock {
  baseUrl: string;
  context: MockContext;
  close(): Promise<void>;
}

/** Starts the mock on a loopback port (0 picks a free one). */
export async function startMock(
  options: MockOptions,
  port = 0,
  host = '127.0.0.1',
): Promise<RunningMock> {
  const { app, context } = buildMockServer(options);
  await app.listen({ port, host });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address !== null ? address.port : port;
  return { baseUrl: `http://${host}:${actualPort}`, context, close: () => app.close() };
}
