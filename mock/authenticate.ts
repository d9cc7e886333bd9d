/**
 * Who is calling: an API key proven by HTTP Digest, or a service account's bearer token.
 *
 * - No credentials, another scheme, or a failed digest: 401 with a fresh challenge and Atlas's
 *   generic body without errorCode (atlas-behaviour.md §1).
 * - A bad bearer token: the same generic 401. Whether Atlas adds a digest challenge there is
 *   unknown (§9.5); the mock does not.
 */
import type { FastifyRequest } from 'fastify';

import type { ApiKey, Principal, World } from '../fixtures/world.ts';
import { atlasError, type MockAnswer } from './atlas-error.ts';
import {
  challengeHeader,
  digestResponseMatches,
  NonceBook,
  parseDigestAuthorization,
} from './digest.ts';
import type { TokenBook } from './oauth-tokens.ts';

export type AuthOutcome =
  { ok: true; principal: Principal; name: string } | { ok: false; answer: MockAnswer };

export class Authenticator {
  readonly nonces = new NonceBook();
  private readonly keys: Map<string, ApiKey>;

  constructor(
    world: World,
    private readonly tokens: TokenBook,
  ) {
    this.keys = new Map(world.apiKeys.map((key) => [key.publicKey, key]));
  }

  authenticate(request: FastifyRequest, now: Date): AuthOutcome {
    const header = request.headers.authorization;
    if (header !== undefined && /^Bearer\s/i.test(header)) {
      const account = this.tokens.accountOf(header.slice(7).trim(), now);
      if (account !== undefined) return { ok: true, principal: account, name: account.clientId };
      return { ok: false, answer: atlasError('bad-credentials') };
    }

    const params = parseDigestAuthorization(header);
    if (params !== undefined) {
      const key = this.keys.get(params.username ?? '');
      const proven =
        key !== undefined &&
        this.nonces.isFresh(params.nonce ?? '') &&
        params.uri === request.url &&
        digestResponseMatches(params, request.method, key.privateKey);
      if (proven) return { ok: true, principal: key, name: key.publicKey };
    }
    return { ok: false, answer: this.challenge() };
  }

  challenge(): MockAnswer {
    const answer = atlasError('unauthenticated');
    return { ...answer, headers: { 'WWW-Authenticate': challengeHeader(this.nonces.issue()) } };
  }
}

/** Whether the caller's address may use the API (an empty access list lets everyone in). */
export function addressAllowed(principal: Principal, address: string): boolean {
  if (principal.accessList.length === 0) return true;
  const plain = address.replace(/^::ffff:/, '');
  return principal.accessList.includes(plain);
}
