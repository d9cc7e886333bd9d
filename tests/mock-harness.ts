/**
 * Calls the mock in-process (fastify inject) as a real Atlas client would: a bearer token of
 * the demo service account, or HTTP Digest with a key pair (challenge, then the answer).
 */
import { createHash } from 'node:crypto';

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
      const nonce = /nonce="([^"]+)"/.exec(String(challenge.headers['www-authenticate']))?.[1];
      const realm = 'MMS Public API';
      const ha1 = md5(`${as.publicKey}:${realm}:${as.privateKey}`);
      const ha2 = md5(`${method}:${url}`);
      const cnonce = 'abcdef0123456789';
      const digest = md5(`${ha1}:${nonce}:00000001:${cnonce}:auth:${ha2}`);
      response = await send(
        `Digest username="${as.publicKey}", realm="${realm}", nonce="${nonce}", uri="${url}", ` +
          `qop=auth, nc=00000001, cnonce="${cnonce}", response="${digest}", algorithm=MD5`,
      );
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
