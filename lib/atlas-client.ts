/**
 * The suite's HTTP client for an Atlas target (the embedded mock or a live one).
 *
 * - Digest auth goes through the digest-fetch library, OAuth through lib/oauth-token.ts (minted
 *   once, renewed a minute before it expires, revoked by `close`).
 * - Politeness (live targets): a client-side request rate, the server's `Retry-After` and
 *   `RateLimit-Remaining` honoured (lib/request-pacer.ts), GETs retried with backoff after a
 *   5xx, a 429 or a dropped connection; a create POST is sent again only after looking its name
 *   up says it does not exist (lib/retry-policy.ts).
 * - With a run tag, every create body carries it (lib/run-tag.ts), so nothing is left unfindable.
 * - Every exchange is recorded, redacted, and handed to the listeners (the fixtures attach them
 *   to the report). A target that cannot be reached, or whose answer breaks off, raises
 *   TargetUnreachable naming the cause (lib/request-failure.ts), so the runner can tell "the
 *   run could not happen" from "a check failed".
 */
import { DigestClient } from 'digest-fetch';

import { describeRequest, type Credentials, type RequestAuth } from './describe-request.ts';
import type { Exchange } from './exchange.ts';
import { OAuthToken, TokenRefused, type HeldToken } from './oauth-token.ts';
import { requestFailure } from './request-failure.ts';
import { RequestPacer, type Sleep } from './request-pacer.ts';
import {
  backoffMs,
  isIdempotent,
  isTransientStatus,
  noRetries,
  type RetryPolicy,
} from './retry-policy.ts';
import { withRunTag } from './run-tag.ts';
import { redact, redactHeaders, registerSecret } from './secrets.ts';

export type { Credentials, RequestAuth } from './describe-request.ts';

export const atlasMediaType = 'application/vnd.atlas.2023-01-01+json';

export interface ApiRequest {
  method: string;
  path: string;
  query?: Record<string, string>;
  /** Replaces the defaults (versioned Accept; JSON Content-Type when there is a body). */
  headers?: Record<string, string | undefined>;
  /** Serialised as JSON. */
  body?: unknown;
  /** Sent byte for byte instead of `body` (never tagged, never changed). */
  rawBody?: string | Uint8Array;
  auth?: RequestAuth;
}

export interface ClientOptions {
  /** Requests per second of this client; 0 or undefined: no limit. */
  requestsPerSecond?: number;
  retry?: RetryPolicy;
  /** Tag value added to every create body (live targets). */
  runTag?: string;
  /** An OAuth token minted by the runner, reused instead of minting one per worker. */
  sharedToken?: HeldToken;
  sleep?: Sleep;
}

export class TargetUnreachable extends Error {}

type Listener = (exchange: Exchange) => void;

const requestTimeoutMs = 30_000;
const createPathPattern = /^\/api\/atlas\/v2\/groups\/[^/]+\/serverless\/?$/;
const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export class AtlasClient {
  private readonly listeners: Listener[] = [];
  private readonly digestClients = new Map<string, DigestClient>();
  private readonly oauth: OAuthToken | undefined;
  private readonly pacer: RequestPacer;
  private readonly retry: RetryPolicy;
  private readonly sleep: Sleep;

  constructor(
    readonly baseUrl: string,
    private readonly credentials: Credentials,
    private readonly options: ClientOptions = {},
  ) {
    this.sleep = options.sleep ?? realSleep;
    this.pacer = new RequestPacer(options.requestsPerSecond ?? 0, this.sleep);
    this.retry = options.retry ?? noRetries;
    if (credentials.kind === 'digest') registerSecret(credentials.privateKey);
    else {
      const { clientId, clientSecret } = credentials;
      this.oauth = new OAuthToken(baseUrl, clientId, clientSecret, options.sharedToken);
    }
  }

  onExchange(listener: Listener): () => void {
    this.listeners.push(listener);
    return () => this.listeners.splice(this.listeners.indexOf(listener), 1);
  }

  async send(request: ApiRequest): Promise<Exchange> {
    const url = new URL(request.path, this.baseUrl);
    for (const [name, value] of Object.entries(request.query ?? {}))
      url.searchParams.set(name, value);
    const headers = this.headersOf(request);
    const body = this.bodyOf(request, url);
    const auth = request.auth ?? 'default';
    const recorded = describeRequest(request.method, url, headers, body, auth, this.credentials);

    for (let attempt = 1; ; attempt += 1) {
      const retriesLeft = attempt <= this.retry.maxRetries;
      await this.pacer.waitForTurn();
      const started = performance.now();
      let response: Response | undefined;
      let text: string;
      try {
        response = await this.dispatch(url, { method: request.method, headers, body }, auth);
        // Read here too: a body cut short breaks off after the status, like a dropped connection.
        text = await response.text();
      } catch (error) {
        if (error instanceof TokenRefused) throw new TargetUnreachable(error.message);
        if (retriesLeft && (await this.maySendAgain(request, url))) {
          await this.sleep(backoffMs(this.retry, attempt));
          continue;
        }
        const what = requestFailure(error, response?.status);
        throw new TargetUnreachable(`${request.method} ${url.origin} ${what}`);
      }
      const responseHeaders: Record<string, string> = {};
      response.headers.forEach((value, name) => (responseHeaders[name] = value));
      this.pacer.observe(responseHeaders);
      const status = response.status;
      // A 429 is answered before any work, but the checks that provoke one must see it:
      // the pause is honoured for every later request, only GETs are sent again.
      const again = isTransientStatus(status) && retriesLeft;
      if (again && (status !== 429 || isIdempotent(request.method))) {
        if (await this.maySendAgain(request, url)) {
          await this.sleep(backoffMs(this.retry, attempt));
          continue;
        }
      }
      const exchange = this.record(recorded, status, responseHeaders, text, started, attempt);
      for (const listener of this.listeners) listener(exchange);
      return exchange;
    }
  }

  /** Revokes the OAuth token, if this client minted one. */
  async close(): Promise<void> {
    await this.oauth?.revoke();
  }

  /** A live bearer token, minted on first use and renewed a minute before it expires. */
  async bearerToken(): Promise<string> {
    if (this.oauth === undefined) throw new Error('OAuth needs a client id and secret');
    try {
      return await this.oauth.value(() => this.pacer.waitForTurn());
    } catch (error) {
      if (error instanceof TokenRefused) throw new TargetUnreachable(error.message);
      // The token endpoint unreachable: the same line as for any other request.
      const origin = new URL(this.baseUrl).origin;
      throw new TargetUnreachable(`POST ${origin} ${requestFailure(error)}`);
    }
  }

  /** The token this client holds, for the runner to hand to its workers. */
  get heldToken(): HeldToken | undefined {
    return this.oauth?.current;
  }

  /**
   * Whether a failed request may go out again: GETs always; a create POST only when looking
   * its name up finds nothing (the failed attempt may have created it); anything else never.
   */
  private async maySendAgain(request: ApiRequest, url: URL): Promise<boolean> {
    if (isIdempotent(request.method)) return true;
    const name = (request.body as { name?: unknown } | undefined)?.name;
    if (request.method !== 'POST' || !createPathPattern.test(url.pathname)) return false;
    if (typeof name !== 'string' || name === '') return false;
    const lookup = await this.send({
      method: 'GET',
      path: `${url.pathname.replace(/\/$/, '')}/${encodeURIComponent(name)}`,
      auth: request.auth ?? 'default',
    }).catch(() => undefined);
    return lookup?.response.status === 404;
  }

  private headersOf(request: ApiRequest): Record<string, string> {
    const hasBody = request.body !== undefined || request.rawBody !== undefined;
    const headers: Record<string, string> = { Accept: atlasMediaType };
    if (hasBody) headers['Content-Type'] = 'application/json';
    for (const [name, value] of Object.entries(request.headers ?? {})) {
      const existing = Object.keys(headers).find((h) => h.toLowerCase() === name.toLowerCase());
      if (existing !== undefined) delete headers[existing];
      if (value !== undefined) headers[name] = value;
    }
    return headers;
  }

  private bodyOf(request: ApiRequest, url: URL): string | Uint8Array | undefined {
    if (request.rawBody !== undefined) return request.rawBody;
    if (request.body === undefined) return undefined;
    const tag = this.options.runTag;
    const isCreate = request.method === 'POST' && createPathPattern.test(url.pathname);
    const body = tag !== undefined && isCreate ? withRunTag(request.body, tag) : request.body;
    return JSON.stringify(body);
  }

  private record(
    request: Exchange['request'],
    status: number,
    headers: Record<string, string>,
    text: string,
    started: number,
    attempts: number,
  ): Exchange {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return {
      request,
      response: { status, headers: redactHeaders(headers), text: redact(text), json },
      durationMs: performance.now() - started,
      ...(attempts > 1 ? { attempts } : {}),
    };
  }

  private async dispatch(url: URL, init: RequestInit, auth: RequestAuth): Promise<Response> {
    const signal = AbortSignal.timeout(requestTimeoutMs);
    if (auth === 'none') return fetch(url, { ...init, signal });
    if (typeof auth === 'object' && 'bearer' in auth) {
      return fetch(url, { ...init, headers: this.withBearer(init, auth.bearer), signal });
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
    if (this.oauth === undefined) throw new Error('OAuth needs a client id and secret');
    const token = await this.oauth.value();
    return fetch(url, { ...init, headers: this.withBearer(init, token), signal });
  }

  private withBearer(init: RequestInit, token: string): Record<string, string> {
    return { ...(init.headers as Record<string, string>), Authorization: `Bearer ${token}` };
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
}
