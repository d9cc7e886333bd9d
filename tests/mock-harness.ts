/**
 * Calls the mock in-process (fastify inject) as a real Atlas client would: a bearer token of
 * the demo service account, or HTTP Digest with a key pair (challenge, then the answer). For a
 * mock on a real port (`npm run mock`, started by `withMockCli`), `digestFetch` does the same
 * digest round trip.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

import type { FastifyInstance } from 'fastify';

import { demoFixtures, loadWorld, type ApiKey } from '../fixtures/world.ts';
import type { MockContext } from '../mock/mock-context.ts';
import type { MockOptions } from '../mock/options.ts';
import { buildMockServer, defaultMockOptions } from '../mock/server.ts';

export const world = loadWorld();
export const demo = demoFixtures(world);
export const acceptV1 = 'application/vnd.atlas.2023-01-01+json';
export const acceptFlex = 'application/vnd.atlas.2024-11-13+json';

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  text: string;
  json: () => any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface CallOptions {
  body?: unknown;
  rawBody?: string | Buffer;
  headers?: Record<string, string>;
  /** Who calls: the service account's bearer (default), a key by digest, or nobody. */
  as?: 'bearer' | ApiKey | 'nobody';
  remoteAddress?: string;
}

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

/** The Authorization header answering a digest challenge, as the Go SDK's transport sends it. */
export function digestAuthorization(
  key: Pick<ApiKey, 'publicKey' | 'privateKey'>,
  method: string,
  uri: string,
  challenge: string,
): string {
  const nonce = /nonce="([^"]+)"/.exec(challenge)?.[1];
  const realm = 'MMS Public API';
  const ha1 = md5(`${key.publicKey}:${realm}:${key.privateKey}`);
  const ha2 = md5(`${method}:${uri}`);
  const cnonce = 'abcdef0123456789';
  const digest = md5(`${ha1}:${nonce}:00000001:${cnonce}:auth:${ha2}`);
  return (
    `Digest username="${key.publicKey}", realm="${realm}", nonce="${nonce}", uri="${uri}", ` +
    `qop=auth, nc=00000001, cnonce="${cnonce}", response="${digest}", algorithm=MD5`
  );
}

/** fetch with HTTP Digest: once without credentials for the challenge, then with the answer. */
export async function digestFetch(
  url: string,
  init: RequestInit & { method: string; headers: Record<string, string> },
  key: Pick<ApiKey, 'publicKey' | 'privateKey'> = demo.owner,
): Promise<Response> {
  const challenged = await fetch(url, init);
  const challenge = challenged.headers.get('www-authenticate');
  await challenged.arrayBuffer();
  if (challenged.status !== 401 || challenge === null) return challenged;
  const { pathname, search } = new URL(url);
  const authorization = digestAuthorization(key, init.method, `${pathname}${search}`, challenge);
  return fetch(url, { ...init, headers: { ...init.headers, authorization } });
}

export class MockHarness {
  readonly app: FastifyInstance;
  readonly context: MockContext;
  private token: string | undefined;

  constructor(overrides: Partial<MockOptions> = {}) {
    const built = buildMockServer(defaultMockOptions(overrides));
    this.app = built.app;
    this.context = built.context;
  }

  async bearer(): Promise<string> {
    if (this.token !== undefined) return this.token;
    const { clientId, clientSecret } = demo.serviceAccount;
    const answer = await this.app.inject({
      method: 'POST',
      url: '/api/oauth/token',
      headers: {
        authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: 'grant_type=client_credentials',
    });
    this.token = (answer.json() as { access_token: string }).access_token;
    return this.token;
  }

  async call(method: string, url: string, options: CallOptions = {}): Promise<Answer> {
    const headers: Record<string, string> = { accept: acceptV1, ...options.headers };
    let payload: string | Buffer | undefined = options.rawBody;
    if (options.body !== undefined) {
      payload = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const as = options.as ?? 'bearer';
    const send = (authorization?: string) =>
      this.app.inject({
        method: method as 'GET',
        url,
        headers: authorization === undefined ? headers : { ...headers, authorization },
        ...(payload === undefined ? {} : { payload }),
        ...(options.remoteAddress === undefined ? {} : { remoteAddress: options.remoteAddress }),
      });
    let response;
    if (as === 'nobody') response = await send();
    else if (as === 'bearer') response = await send(`Bearer ${await this.bearer()}`);
    else {
      const challenge = await send();
      const header = String(challenge.headers['www-authenticate']);
      response = await send(digestAuthorization(as, method, url, header));
    }
    return {
      status: response.statusCode,
      headers: response.headers,
      text: response.body,
      json: () => JSON.parse(response.body),
    };
  }

  close(): Promise<void> {
    return this.app.close();
  }
}

export const projectPath = (groupId = demo.project.id) => `/api/atlas/v2/groups/${groupId}`;

export function createBody(name: string, extra: Record<string, unknown> = {}) {
  return {
    name,
    providerSettings: { backingProviderName: 'AWS', regionName: 'US_EAST_1' },
    ...extra,
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `npm run mock` with these arguments on a free port while `use` runs, then stops it. */
export async function withMockCli(
  args: string[],
  use: (baseUrl: string, banner: string[]) => Promise<void>,
): Promise<void> {
  // node itself, not npx: a signal to npx would leave the server running as an orphan.
  const argv = ['--import', 'tsx', 'cli/mock.ts', '--port', '0', ...args];
  const child = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const lines = createInterface({ input: child.stdout });
    const banner: string[] = [];
    let baseUrl = '';
    for await (const line of lines) {
      banner.push(line);
      const found = /listening on (http:\/\/\S+)/.exec(line)?.[1];
      if (found !== undefined) baseUrl = found;
      // The banner ends with the curl example's body line.
      if (baseUrl !== '' && line.includes("-d '")) break;
    }
    if (baseUrl === '') throw new Error(`npm run mock ${args.join(' ')} must print its base URL`);
    await use(baseUrl, banner);
  } finally {
    child.kill('SIGTERM');
    if (child.exitCode === null) await once(child, 'exit');
  }
}
