/**
 * The embedded Atlas: a fastify server with the serverless routes, the OAuth token endpoints
 * and the control endpoints. Bodies are read raw, so that the routes answer malformed input
 * the way Atlas does instead of fastify's own error format.
 */
import Fastify, { type FastifyInstance } from 'fastify';

import { loadWorld } from '../fixtures/world.ts';
import { defaultMockClockStart } from './clock.ts';
import { MockContext } from './mock-context.ts';
import type { MockOptions } from './options.ts';
import { registerControl } from './routes/control.ts';
import { createServerless } from './routes/create-serverless.ts';
import { deleteServerless, getServerless } from './routes/instance-by-name.ts';
import { issueToken, revokeToken } from './routes/oauth.ts';

export const maxBodyBytes = 1024 * 1024;

export function defaultMockOptions(overrides: Partial<MockOptions> = {}): MockOptions {
  return {
    world: overrides.world ?? loadWorld(),
    clockStart: defaultMockClockStart,
    transitionMs: 2000,
    rateLimitPerSecond: 0,
    faults: new Set(),
    envelopeStatus: 'same',
    ...overrides,
  };
}

export function buildMockServer(options: MockOptions): {
  app: FastifyInstance;
  context: MockContext;
} {
  const context = new MockContext(options);
  const app = Fastify({ logger: false, bodyLimit: maxBodyBytes, trustProxy: false });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  const serverless = '/api/atlas/v2/groups/:groupId/serverless';
  app.post(serverless, (request, reply) => createServerless(context, request as never, reply));
  app.get(`${serverless}/:name`, (request, reply) =>
    getServerless(context, request as never, reply),
  );
  app.delete(`${serverless}/:name`, (request, reply) =>
    deleteServerless(context, request as never, reply),
  );
  app.post('/api/oauth/token', (request, reply) => issueToken(context, request, reply));
  app.post('/api/oauth/revoke', (request, reply) => revokeToken(context, request, reply));
  registerControl(app, context);
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
