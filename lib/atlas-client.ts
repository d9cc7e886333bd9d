/**
 * The suite's HTTP client for an Atlas target (the embedded mock or a live one).
 *
 * - Digest auth goes through the digest-fetch library, OAuth through the token endpoint
 *   (fetched once, renewed a minute before it expires, revoked by `close`).
 * - Every exchange is recorded, redacted, and handed to the listeners (the fixtures attach
 *   them to the report).
 * - A target that cannot be reached raises TargetUnreachable, so the runner can tell "the run
 *   could not happen" from "a check failed".
 */
import { DigestClient } from 'digest-fetch';

import type { Exchange, RecordedRequest } from './exchange.ts';
import { redact, redactHeaders, registerSecret } from './secrets.ts';

export const atlasMediaType = 'application/vnd.atlas.2023-01-01+json';

export type Credentials =
  | { kind: 'digest'; publicKey: string; privateKey: string }
  | { kind: 'oauth'; clientId: string; clientSecret: string };

export type RequestAuth =
  'default' | 'none' | { digest: { publicKey: string; privateKey: string } } | { bearer: string };

export interface ApiRequest {
  method: string;
  path: string;
  query?: Record<string, string>;
  /** Replaces the defaults (versioned Accept; JSON Content-Type when there is a body). */
  headers?: Record<string, string | undefined>;
  /** Serialised as JSON. */
  body?: unknown;
  /** Sent byte for byte instead of `body`. */
  rawBody?: string | Uint8Array;
  auth?: RequestAuth;
}

export class TargetUnreachable extends Error {}

type Listener = (exchange: Exchange) => void;

const requestTimeoutMs = 30_000;

export class AtlasClient {
  private readonly listeners: Listener[] = [];
  private readonly digestClients = new Map<string, DigestClient>();
  private token: { value: string; renewAt: number } | undefined;

  constructor(
    readonly baseUrl: string,
    private readonly credentials: Credentials,
  ) {
    if (credentials.kind === 'digest') registerSecret(credentials.privateKey);
    else registerSecret(credentials.clientSecret);
  }

  onExchange(listener: Listener): () => void {
    this.listeners.push(listener);
    return () => this.listeners.splice(this.listeners.indexOf(listener), 1);
  }

  async send(request: ApiRequest): Promise<Exchange> {
    const url = new URL(request.path, this.baseUrl);
    for (const [name, value] of Object.entries(request.query ?? {}))
      url.searchParams.set(name, value);

    const hasBody = request.body !== undefined || request.rawBody !== undefined;
    const headers: Record<string, string> = { Accept: atlasMediaType };
    if (hasBody) headers['Content-Type'] = 'application/json';
    for (const [name, value] of Object.entries(request.headers ?? {})) {
      const existing = Object.keys(headers).find((h) => h.toLowerCase() === name.toLowerCase());
      if (existing !== undefined) delete headers[existing];
      if (value !== undefined) headers[name] = value;
    }
    const body =
      request.rawBody !== undefined
        ? request.rawBody
        : request.body !== undefined
          ? JSON.stringify(request.body)
          : undefined;

    const auth = request.auth ?? 'default';
    const recorded = this.describeRequest(request.method, url, headers, body, auth);
    const started = performance.now();
    let response: Response;
    try {
      response = await this.dispatch(url, { method: request.method, headers, body }, auth);
    } catch (error) {
      const cause =
        (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      throw new TargetUnreachable(`${request.method} ${url.origin} could not be reached: ${cause}`);
    }
    const text = await response.text();
    const durationMs = performance.now() - started;
    const responseHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => (responseHeaders[name] = value));
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const exchange: Exchange = {
      request: recorded,
      response: {
        status: response.status,
        headers: redactHeaders(responseHeaders),
        text: redact(text),
        json,
      },
      durationMs,
    };
    for (const listener of this.listeners) listener(exchange);
    return exchange;
  }

  /** Revokes the OAuth token, if one was minted. */
  async close(): Promise<void> {
    if (this.credentials.kind !== 'oauth' || this.token === undefined) return;
    const form = new URLSearchParams({ token: this.token.value, token_type_hint: 'access_token' });
    await fetch(new URL('/api/oauth/revoke', this.baseUrl), {
      method: 'POST',
      headers: this.basicHeaders(),
      body: form,
      signal: AbortSignal.timeout(requestTimeoutMs),
    }).catch(() => undefined);
    this.token = undefined;
  }

  private async dispatch(url: URL, init: RequestInit, auth: RequestAuth): Promise<Response> {
    const signal = AbortSignal.timeout(requestTimeoutMs);
    if (auth === 'none') return fetch(url, { ...init, signal });
    if (typeof auth === 'object' && 'bearer' in auth) {
      const headers = {
        ...(init.headers as Record<string, string>),
        Authorization: `Bearer ${auth.bearer}`,
      };
      return fetch(url, { ...init, headers, signal });
    }
    const digest =
      typeof auth === 'object'
        ? auth.digest
        : this.credentials.kind === 'digest'
          ? this.credentials
          : undefined;
    if (digest !== undefined) {
      const client = this.digestClientFor(digest.publicKey, digest.privateKey);
      return (await client.fetch(url.toString(), { ...init, signal })) as Response;
    }
    const token = await this.bearerToken();
    const headers = {
      ...(init.headers as Record<string, string>),
      Authorization: `Bearer ${token}`,
    };
    return fetch(url, { ...init, headers, signal });
  }

  private digestClientFor(publicKey: string, privateKey: string): DigestClient {
    const id = `${publicKey}:${privateKey}`;
    let client = this.digestClients.get(id);
    if (client === undefined) {
      client = new DigestClient(publicKey, privateKey, { algorithm: 'MD5' });
      this.digestClients.set(id, client);
    }
    return client;
  }

  private basicHeaders(): Record<string, string> {
    if (this.credentials.kind !== 'oauth') throw new Error('OAuth needs a client id and secret');
    const pair = `${this.credentials.clientId}:${this.credentials.clientSecret}`;
    return {
      Authorization: `Basic ${Buffer.from(pair).toString('base64')}`,
      Accept: 'application/json',
      'Content-Type': 'application/x-www-form-urlencoded',
    };
  }

  /** A live bearer token, minted on first use and renewed a minute before it expires. */
  async bearerToken(): Promise<string> {
    if (this.token !== undefined && Date.now() < this.token.renewAt) return this.token.value;
    const response = await fetch(new URL('/api/oauth/token', this.baseUrl), {
      method: 'POST',
      headers: this.basicHeaders(),
      body: 'grant_type=client_credentials',
      signal: AbortSignal.timeout(requestTimeoutMs),
    });
    const body = (await response.json().catch(() => ({}))) as {
      access_token?: string;
      expires_in?: number;
    };
    if (!response.ok || typeof body.access_token !== 'string') {
      throw new TargetUnreachable(
        `the token endpoint answered ${response.status}: ` +
          'check MONGODB_ATLAS_CLIENT_ID and MONGODB_ATLAS_CLIENT_SECRET',
      );
    }
    registerSecret(body.access_token);
    const lifetimeMs = (body.expires_in ?? 3600) * 1000;
    this.token = { value: body.access_token, renewAt: Date.now() + lifetimeMs - 60_000 };
    return body.access_token;
  }

  private describeRequest(
    method: string,
    url: URL,
    headers: Record<string, string>,
    body: string | Uint8Array | undefined,
    auth: RequestAuth,
  ): RecordedRequest {
    let described: string;
    let curlAuth: string[];
    if (auth === 'none') {
      described = 'none';
      curlAuth = [];
    } else if (typeof auth === 'object' && 'bearer' in auth) {
      described = 'bearer token chosen by the check (redacted)';
      curlAuth = ['-H', '"Authorization: Bearer $ACCESS_TOKEN"'];
    } else if (typeof auth === 'object') {
      described = `digest as ${auth.digest.publicKey} with a key chosen by the check`;
      curlAuth = ['--digest', '--user', `"${auth.digest.publicKey}:$PRIVATE_KEY"`];
    } else if (this.credentials.kind === 'digest') {
      described = `digest as ${this.credentials.publicKey}`;
      curlAuth = ['--digest', '--user', '"$MONGODB_ATLAS_PUBLIC_KEY:$MONGODB_ATLAS_PRIVATE_KEY"'];
    } else {
      described = `OAuth service account ${this.credentials.clientId}`;
      curlAuth = ['-H', '"Authorization: Bearer $ACCESS_TOKEN"'];
    }
    const isText = typeof body === 'string';
    return {
      method,
      url: redact(url.toString()),
      headers: redactHeaders(headers),
      body:
        body === undefined ? undefined : isText ? redact(body) : Buffer.from(body).toString('utf8'),
      auth: described,
      curlAuth,
      ...(body !== undefined && !isText ? { bodyBytes: body } : {}),
    };
  }
}
