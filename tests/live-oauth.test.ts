/**
 * OAuth service accounts (lib/oauth-token.ts): one token minted for many requests, minted again
 * before it expires, revoked at the end by whoever minted it; a token handed over by the runner
 * is used as is and left for the runner to revoke. A token endpoint that gives no token blames
 * the credentials only when it answers as Atlas does to bad ones (lib/token-refusal.ts).
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';

import { AtlasClient, TargetUnreachable } from '../lib/atlas-client.ts';
import { liveEnv, runCommand } from './live-harness.ts';

const credentials = { kind: 'oauth', clientId: 'sa-id', clientSecret: 'sa-secret-value' } as const;

/** A token endpoint minting `token-<n>` with the given lifetime, and an API that echoes 200. */
async function oauthServer(expiresIn: number) {
  const seen: string[] = [];
  let minted = 0;
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      if (request.url === '/api/oauth/token') {
        minted += 1;
        seen.push(`mint token-${minted}`);
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ access_token: `token-${minted}`, expires_in: expiresIn }));
      } else if (request.url === '/api/oauth/revoke') {
        seen.push(`revoke ${new URLSearchParams(body).get('token')}`);
        response.writeHead(200).end();
      } else {
        seen.push(`call with ${request.headers.authorization}`);
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const path = '/api/atlas/v2/groups/6650a1b2c3d4e5f6a7b8c9d0/serverless';

describe('OAuth tokens', () => {
  it('should mint one token for concurrent requests and revoke it at the end', async () => {
    const server = await oauthServer(3600);
    const client = new AtlasClient(server.baseUrl, credentials);
    await Promise.all([1, 2, 3].map(() => client.send({ method: 'GET', path })));
    await client.close();
    await server.close();
    assert.deepEqual(server.seen, [
      'mint token-1',
      'call with Bearer token-1',
      'call with Bearer token-1',
      'call with Bearer token-1',
      'revoke token-1',
    ]);
  });

  it('should mint a new token a minute before the old one expires', async () => {
    // 60.05 s of life: renewal is due 50 ms after minting.
    const server = await oauthServer(60.05);
    const client = new AtlasClient(server.baseUrl, credentials);
    await client.send({ method: 'GET', path });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await client.send({ method: 'GET', path });
    await client.close();
    await server.close();
    assert.deepEqual(server.seen, [
      'mint token-1',
      'call with Bearer token-1',
      'mint token-2',
      'call with Bearer token-2',
      'revoke token-2',
    ]);
  });

  it("should use the runner's token as is and leave its revocation to the runner", async () => {
    const server = await oauthServer(3600);
    const sharedToken = { value: 'runner-token', renewAt: Date.now() + 3_000_000 };
    const worker = new AtlasClient(server.baseUrl, credentials, { sharedToken });
    await worker.send({ method: 'GET', path });
    await worker.close();
    await server.close();
    assert.deepEqual(server.seen, ['call with Bearer runner-token']);
  });
});

/** A server answering every request with `status` and `body` (JSON unless a string). */
async function answeringServer(status: number, body: unknown) {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      const type = typeof body === 'string' ? 'text/html' : 'application/json';
      response.writeHead(status, { 'content-type': type }).end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const notAtlas = (what: string) =>
  `the token endpoint (POST /api/oauth/token) did not answer like Atlas: ${what}; ` +
  'MONGODB_ATLAS_BASE_URL may not be an Atlas API';
const blamesCredentials = (answered: string) =>
  `the token endpoint answered ${answered}: ` +
  'check MONGODB_ATLAS_CLIENT_ID and MONGODB_ATLAS_CLIENT_SECRET';

describe('a token endpoint that gives no token', () => {
  const cases: [string, number, unknown, string][] = [
    [
      'Atlas refusing the client',
      401,
      { error_description: 'Invalid credentials provided.', error: 'invalid_client' },
      blamesCredentials('401 (invalid_client)'),
    ],
    [
      'Atlas refusing the request',
      400,
      { error: 'invalid_request' },
      blamesCredentials('400 (invalid_request)'),
    ],
    [
      'Atlas denying access',
      403,
      { error: 'access_denied' },
      'the token endpoint answered 403 (access_denied): the service account got no token',
    ],
    [
      'python3 -m http.server',
      501,
      '<html><body>Unsupported method</body></html>',
      notAtlas('501 with a body that is not JSON'),
    ],
    [
      'a server refusing everything its own way',
      400,
      { error: 'nope' },
      notAtlas('400 with JSON that is not an OAuth error'),
    ],
    ['a 200 without a token', 200, {}, notAtlas('200 with JSON without an access token')],
  ];
  for (const [who, status, body, line] of cases) {
    it(`should say what ${who} means`, async () => {
      const server = await answeringServer(status, body);
      const client = new AtlasClient(server.baseUrl, credentials);
      try {
        await assert.rejects(client.send({ method: 'GET', path }), (error: unknown) => {
          assert.ok(error instanceof TargetUnreachable);
          assert.equal(error.message, line);
          return true;
        });
      } finally {
        await server.close();
      }
    });
  }

  it(
    'should stop npm run conformance with that one line, exit 2',
    { timeout: 60_000 },
    async () => {
      const server = await answeringServer(501, '<html>Unsupported method</html>');
      try {
        const env = liveEnv(server.baseUrl, {
          MONGODB_ATLAS_PUBLIC_KEY: '',
          MONGODB_ATLAS_PRIVATE_KEY: '',
          MONGODB_ATLAS_CLIENT_ID: 'sa-id',
          MONGODB_ATLAS_CLIENT_SECRET: 'sa-secret-value',
        });
        const run = await runCommand('cli/conformance.ts', [], env);
        assert.equal(run.status, 2, `${run.stdout}\n${run.stderr}`);
        assert.equal(run.stderr.trim(), `error: ${notAtlas('501 with a body that is not JSON')}`);
      } finally {
        await server.close();
      }
    },
  );
});
