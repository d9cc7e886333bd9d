/**
 * Faults planted in the request, before the routes see it: a server that does not enforce
 * authentication, a token's expiry, the caller's role, or the Accept version behaves exactly as
 * if the request had carried what it lacks. So these faults supply it (a valid digest of a key
 * that may act, a live token of the same account, the published version) and the routes stay
 * as they are.
 */
import { createHash } from 'node:crypto';

import type { FastifyRequest } from 'fastify';

import type { ApiKey } from '../../fixtures/world.ts';
import { digestRealm, parseDigestAuthorization, type DigestParams } from '../digest.ts';
import type { FaultId } from '../faults.ts';
import type { MockContext } from '../mock-context.ts';
import { negotiateVersion, serverlessMediaType, serverlessVersion } from '../versioning.ts';

type RequestFault = (context: MockContext, request: FastifyRequest) => void;

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

/** An Authorization header proving `key` for this request, as a digest client would send it. */
function signedDigest(key: ApiKey, request: FastifyRequest, nonce: string): string {
  const nc = '00000001';
  const cnonce = md5(`${nonce}:${key.publicKey}`).slice(0, 16);
  const response = digestResponse(key.privateKey, request, {
    username: key.publicKey,
    realm: digestRealm,
    nonce,
    uri: request.url,
    qop: 'auth',
    nc,
    cnonce,
  });
  return (
    `Digest username="${key.publicKey}", realm="${digestRealm}", nonce="${nonce}", ` +
    `uri="${request.url}", qop=auth, nc=${nc}, cnonce="${cnonce}", response="${response}"`
  );
}

function digestResponse(password: string, request: FastifyRequest, params: DigestParams) {
  const ha1 = md5(`${params.username}:${params.realm ?? digestRealm}:${password}`);
  const ha2 = md5(`${request.method}:${params.uri}`);
  return params.qop === 'auth'
    ? md5(`${ha1}:${params.nonce}:${params.nc}:${params.cnonce}:auth:${ha2}`)
    : md5(`${ha1}:${params.nonce}:${ha2}`);
}

/** The groupId of a request's path, when it is a project route. */
function groupIdOf(request: FastifyRequest): string | undefined {
  return /\/groups\/([^/?]+)/.exec(request.url)?.[1];
}

/** A key that owns the request's project (or any key that owns a project). */
function ownerKeyFor(context: MockContext, request: FastifyRequest): ApiKey | undefined {
  const groupId = groupIdOf(request) ?? '';
  const keys = context.options.world.apiKeys;
  const owns = (key: ApiKey, id: string) => (key.projectRoles[id] ?? []).includes('GROUP_OWNER');
  return (
    keys.find((key) => owns(key, groupId) && key.accessList.length === 0) ??
    keys.find((key) => Object.keys(key.projectRoles).some((id) => owns(key, id)))
  );
}

export const requestFaults: Partial<Record<FaultId, RequestFault>> = {
  'auth-not-enforced': (context, request) => {
    if (request.headers.authorization !== undefined) return;
    const owner = ownerKeyFor(context, request);
    if (owner === undefined) return;
    const nonce = context.authenticator.nonces.issue();
    request.headers.authorization = signedDigest(owner, request, nonce);
  },
  'wrong-key-accepted': (context, request) => {
    const params = parseDigestAuthorization(request.headers.authorization);
    const key = context.options.world.apiKeys.find((k) => k.publicKey === params?.username);
    if (params === undefined || key === undefined || params.nonce === undefined) return;
    request.headers.authorization = signedDigest(key, request, params.nonce);
  },
  'role-not-enforced': (context, request) => {
    const params = parseDigestAuthorization(request.headers.authorization);
    const groupId = groupIdOf(request);
    const key = context.options.world.apiKeys.find((k) => k.publicKey === params?.username);
    if (params?.nonce === undefined || key === undefined || groupId === undefined) return;
    if ((key.projectRoles[groupId] ?? []).includes('GROUP_OWNER')) return;
    // Only a caller who proved its own key gets in: the fault is the missing role check.
    if (digestResponse(key.privateKey, request, params) !== params.response?.toLowerCase()) return;
    const owner = ownerKeyFor(context, request);
    if (owner !== undefined)
      request.headers.authorization = signedDigest(owner, request, params.nonce);
  },
  'token-expiry-ignored': (context, request) => {
    const header = request.headers.authorization;
    if (header === undefined || !/^Bearer\s/i.test(header)) return;
    const now = context.clock.now();
    const account = context.tokens.expiredAccountOf(header.slice(7).trim(), now);
    // The fault is the missing expiry check: the token's account is served as if it were live.
    if (account !== undefined)
      request.headers.authorization = `Bearer ${context.tokens.issue(account, now)}`;
  },
  'accept-not-enforced': (_context, request) => {
    if (negotiateVersion(request.headers.accept, [serverlessVersion]) !== undefined) return;
    request.headers.accept = serverlessMediaType;
  },
};
