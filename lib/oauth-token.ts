/**
 * The OAuth service-account token of one client: minted on first use with the client
 * credentials, reused until a minute before it expires, then minted again; revoked at the end
 * by whoever minted it. A token handed over by the runner (so that a run mints one token, not
 * one per worker) is used the same way but revoked by the runner, not by the worker.
 */
import { registerSecret } from './secrets.ts';
import { tokenRefusal } from './token-refusal.ts';

export interface HeldToken {
  value: string;
  /** Epoch ms after which the token is minted again (a minute before Atlas expires it). */
  renewAt: number;
}

/**
 * Raised when the token endpoint gives no token: it refused the credentials, or it does not
 * answer like Atlas (lib/token-refusal.ts). Either way the run could not happen.
 */
export class TokenRefused extends Error {}

const renewMarginMs = 60_000;
const timeoutMs = 30_000;

function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export class OAuthToken {
  private held: HeldToken | undefined;
  private minted = false;
  private pending: Promise<string> | undefined;

  constructor(
    private readonly baseUrl: string,
    private readonly clientId: string,
    private readonly clientSecret: string,
    handedOver?: HeldToken,
  ) {
    registerSecret(clientSecret);
    if (handedOver !== undefined) {
      registerSecret(handedOver.value);
      this.held = handedOver;
    }
  }

  /** A live token; concurrent callers share one mint. */
  async value(beforeMint: () => Promise<void> = async () => undefined): Promise<string> {
    if (this.held !== undefined && Date.now() < this.held.renewAt) return this.held.value;
    this.pending ??= this.mint(beforeMint).finally(() => (this.pending = undefined));
    return this.pending;
  }

  /** The token as held now, to hand to other processes. */
  get current(): HeldToken | undefined {
    return this.held;
  }

  /** Revokes the token if this client minted it; a handed-over token is its minter's. */
  async revoke(): Promise<void> {
    if (this.held === undefined || !this.minted) return;
    const form = new URLSearchParams({ token: this.held.value, token_type_hint: 'access_token' });
    this.held = undefined;
    await fetch(new URL('/api/oauth/revoke', this.baseUrl), {
      method: 'POST',
      headers: this.basicHeaders(),
      body: form,
      signal: AbortSignal.timeout(timeoutMs),
    }).catch(() => undefined);
  }

  private async mint(beforeMint: () => Promise<void>): Promise<string> {
    await beforeMint();
    const response = await fetch(new URL('/api/oauth/token', this.baseUrl), {
      method: 'POST',
      headers: this.basicHeaders(),
      body: 'grant_type=client_credentials',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = parsedJson(await response.text().catch(() => '')) as
      { access_token?: unknown; expires_in?: number } | undefined;
    if (!response.ok || typeof body?.access_token !== 'string') {
      throw new TokenRefused(tokenRefusal(response.status, body));
    }
    registerSecret(body.access_token);
    const lifetimeMs = (body.expires_in ?? 3600) * 1000;
    this.held = { value: body.access_token, renewAt: Date.now() + lifetimeMs - renewMarginMs };
    this.minted = true;
    return body.access_token;
  }

  private basicHeaders(): Record<string, string> {
    const pair = `${this.clientId}:${this.clientSecret}`;
    return {
      Authorization: `Basic ${Buffer.from(pair).toString('base64')}`,
      Accept: 'application/json',
      'Content-Type': 'application/x-www-form-urlencoded',
    };
  }
}
