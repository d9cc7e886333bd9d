/**
 * ignored_auth: a create that does not prove who sends it is refused with 401, whatever else
 * it carries: no credentials, a wrong digest response, a malformed bearer token, one the target
 * never issued, an expired one, a revoked one. Digest failures carry Atlas's challenge; whether
 * Atlas adds one to a bearer failure is unknown (atlas-behaviour.md §9.5), so it is recorded,
 * not asserted. A token expires after one hour (atlas-behaviour.md §2): only the embedded mock
 * can age a real token that fast (fixtures/mock-control.ts), so that test is skipped elsewhere.
 * Source: endpoint.md 'Request' (digest or bearer); atlas-behaviour.md §1-2.
 */
import { randomBytes } from 'node:crypto';

import { annotateOnce, describeCheck, expectErrorAnswer } from '../fixtures/checks.ts';
import { expireMockToken } from '../fixtures/mock-control.ts';
import { createPath, createRequest } from '../fixtures/requests.ts';
import type { Target } from '../fixtures/target.ts';
import { expect, test } from '../fixtures/test.ts';
import { AtlasClient, type RequestAuth } from '../lib/atlas-client.ts';
import type { Exchange } from '../lib/exchange.ts';

// Atlas's challenge, parameter for parameter: any other parameter breaks the official Go client.
const atlasChallenge = new RegExp(
  String.raw`^Digest realm="MMS Public API", domain="", ` +
    String.raw`nonce="[A-Za-z0-9+/]{32}", algorithm=MD5, qop="auth", ` +
    String.raw`stale=false$`,
);

// Valid in every way the server can check without Atlas's signing key, which no one has.
const body = {
  name: 'unauthenticated',
  providerSettings: { backingProviderName: 'AWS', regionName: 'US_EAST_1' },
};

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** A JWT shaped like Atlas's (ES512) that no issuer signed: its signature is random bytes. */
function forgedToken(): string {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url({ alg: 'ES512', typ: 'JWT' });
  const claims = base64url({ sub: 'mdb_sa_id_conformance', iat: now - 7200, exp: now - 3600 });
  return `${header}.${claims}.${randomBytes(66).toString('base64url')}`;
}

function expectChallenge(exchange: Exchange): void {
  expect(
    exchange.response.headers['www-authenticate'],
    "ignored_auth: a digest refusal must carry Atlas's digest challenge",
  ).toMatch(atlasChallenge);
}

function recordBearerChallenge(exchange: Exchange): void {
  const challenge = exchange.response.headers['www-authenticate'];
  annotateOnce('observed', `bearer refusal challenge: ${challenge ?? '(none)'}`);
}

/** A client of the run's service account, apart from the run's own token; skips without one. */
function tokenMinter(target: Target): AtlasClient {
  const { clientId, clientSecret } = target.config;
  test.skip(
    clientId === undefined || clientSecret === undefined,
    'needs a service account to mint a token of its own: set MONGODB_ATLAS_CLIENT_ID and ' +
      'MONGODB_ATLAS_CLIENT_SECRET',
  );
  return new AtlasClient(target.baseUrl, {
    kind: 'oauth',
    clientId: clientId ?? '',
    clientSecret: clientSecret ?? '',
  });
}

test.describe('ignored_auth', () => {
  test('should answer 401 with the digest challenge when no credentials are sent', async ({
    client,
    target,
  }) => {
    await describeCheck('ignored_auth', 'blocker');
    const exchange = await client.send(createRequest(target.projectId, body, { auth: 'none' }));

    expectErrorAnswer('ignored_auth', 'unauthenticated', exchange, target.config.strictness);
    expectChallenge(exchange);
  });

  test('should answer 401 with a fresh challenge to a wrong digest response', async ({
    client,
    target,
  }) => {
    await describeCheck('ignored_auth', 'blocker');
    const publicKey =
      target.credentials.kind === 'digest' ? target.credentials.publicKey : 'conformance';
    const exchange = await client.send(
      createRequest(target.projectId, body, {
        auth: { digest: { publicKey, privateKey: 'not-the-private-key' } },
      }),
    );

    expectErrorAnswer('ignored_auth', 'bad-credentials', exchange, target.config.strictness);
    expectChallenge(exchange);
  });

  const badBearers: [string, () => RequestAuth][] = [
    ['a malformed bearer token', () => ({ bearer: 'not-a-token' })],
    ['a bearer token the target never issued', () => ({ bearer: forgedToken() })],
  ];
  for (const [label, auth] of badBearers) {
    test(`should answer 401 to ${label}`, async ({ client, target }) => {
      await describeCheck('ignored_auth', 'blocker');
      const exchange = await client.send(createRequest(target.projectId, body, { auth: auth() }));

      expectErrorAnswer('ignored_auth', 'bad-credentials', exchange, target.config.strictness);
      recordBearerChallenge(exchange);
    });
  }

  test('should answer 401 to a bearer token past its hour of life', async ({ client, target }) => {
    await describeCheck('ignored_auth', 'blocker');
    test.skip(
      !target.embedded,
      "needs a token past its one-hour life: a live issuer's tokens cannot be aged from " +
        'outside, so only the embedded mock (which can end a token early) runs this check',
    );
    const minter = tokenMinter(target);
    try {
      const token = await minter.bearerToken();
      // The token works before it expires, so the 401 below can only be about its age.
      const listed = await client.send({
        method: 'GET',
        path: createPath(target.projectId),
        auth: { bearer: token },
      });
      expect(listed.response.status, 'ignored_auth: the fresh token must be accepted').toBe(200);
      await expireMockToken(target.baseUrl, token);
      const exchange = await client.send(
        createRequest(target.projectId, body, { auth: { bearer: token } }),
      );

      expectErrorAnswer('ignored_auth', 'bad-credentials', exchange, target.config.strictness);
      recordBearerChallenge(exchange);
    } finally {
      await minter.close();
    }
  });

  test('should answer 401 to a bearer token revoked before use', async ({ client, target }) => {
    await describeCheck('ignored_auth', 'blocker');
    const minter = tokenMinter(target);
    const token = await minter.bearerToken();
    await minter.close();
    const exchange = await client.send(
      createRequest(target.projectId, body, { auth: { bearer: token } }),
    );

    expectErrorAnswer('ignored_auth', 'bad-credentials', exchange, target.config.strictness);
    recordBearerChallenge(exchange);
  });
});
