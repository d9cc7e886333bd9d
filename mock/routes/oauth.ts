/**
 * The service-account token endpoints (atlas-behaviour.md §2): client credentials in HTTP Basic,
 * a form body with grant_type=client_credentials, an hour-long bearer token. Errors are OAuth
 * style ({error, error_description}), not Atlas ApiError bodies.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

import type { ServiceAccount } from '../../fixtures/world.ts';
import type { MockContext } from '../mock-context.ts';
import { tokenLifetimeSeconds } from '../oauth-tokens.ts';

function basicCredentials(header: string | undefined): [string, string] | undefined {
  if (header === undefined || !/^Basic\s/i.test(header)) return undefined;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : [decoded.slice(0, colon), decoded.slice(colon + 1)];
}

function formOf(body: unknown): URLSearchParams {
  return new URLSearchParams(body instanceof Buffer ? body.toString('utf8') : '');
}

function clientOf(context: MockContext, request: FastifyRequest): ServiceAccount | undefined {
  const credentials = basicCredentials(request.headers.authorization);
  if (credentials === undefined) return undefined;
  const [clientId, clientSecret] = credentials;
  return context.options.world.serviceAccounts.find(
    (a) => a.clientId === clientId && a.clientSecret === clientSecret,
  );
}

const invalidClient = {
  error_description: 'Invalid credentials provided.',
  error: 'invalid_client',
};

export function issueToken(context: MockContext, request: FastifyRequest, reply: FastifyReply) {
  reply.header('Date', context.clock.now().toUTCString()).header('Cache-Control', 'no-store');
  const account = clientOf(context, request);
  if (account === undefined) return reply.code(401).send(invalidClient);
  const grant = formOf(request.body).get('grant_type');
  if (grant === null) {
    return reply
      .code(400)
      .send({ error: 'invalid_request', error_description: 'grant_type is required.' });
  }
  if (grant !== 'client_credentials') {
    return reply.code(400).send({
      error: 'unsupported_grant_type',
      error_description: `Grant type ${grant} is not supported.`,
    });
  }
  const token = context.tokens.issue(account, context.clock.now());
  return reply
    .code(200)
    .send({ access_token: token, expires_in: tokenLifetimeSeconds, token_type: 'Bearer' });
}

export function revokeToken(context: MockContext, request: FastifyRequest, reply: FastifyReply) {
  if (clientOf(context, request) === undefined) return reply.code(401).send(invalidClient);
  const token = formOf(request.body).get('token');
  if (token !== null) context.tokens.revoke(token);
  return reply.code(200).send();
}
