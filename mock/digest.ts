/**
 * HTTP Digest as Atlas speaks it (atlas-behaviour.md §1).
 *
 * The challenge is byte for byte Atlas's: realm "MMS Public API", an empty domain, a 32-character
 * nonce of [A-Za-z0-9+/], algorithm MD5 unquoted, qop "auth" quoted, stale=false, and nothing
 * else: the official Go digest client rejects any other parameter. No library emits exactly
 * this header, which is why the server side is written here (the client side is a library).
 */
import { createHash, randomBytes } from 'node:crypto';

export const digestRealm = 'MMS Public API';

/** A fresh nonce: 24 random bytes in base64 are 32 characters of [A-Za-z0-9+/]. */
export function newNonce(): string {
  return randomBytes(24).toString('base64');
}

export function challengeHeader(nonce: string): string {
  return (
    `Digest realm="${digestRealm}", domain="", nonce="${nonce}", ` +
    'algorithm=MD5, qop="auth", stale=false'
  );
}

export type DigestParams = Record<string, string>;

/** The parameters of an `Authorization: Digest ...` header, or undefined if it is not one. */
export function parseDigestAuthorization(header: string | undefined): DigestParams | undefined {
  if (header === undefined || !/^Digest\s/i.test(header)) return undefined;
  const params: DigestParams = {};
  const pattern = /([a-zA-Z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g;
  for (const match of header.slice(7).matchAll(pattern)) {
    const [, key, quoted, bare] = match;
    if (key !== undefined) params[key.toLowerCase()] = quoted ?? bare ?? '';
  }
  return params;
}

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

/** Whether the client's response hash proves it knows the password (RFC 7616, MD5). */
export function digestResponseMatches(
  params: DigestParams,
  method: string,
  password: string,
): boolean {
  const { username, realm, nonce, uri, response, qop, nc, cnonce } = params;
  if (!username || !nonce || !uri || !response) return false;
  const ha1 = md5(`${username}:${realm ?? digestRealm}:${password}`);
  const ha2 = md5(`${method}:${uri}`);
  const expected =
    qop === 'auth'
      ? md5(`${ha1}:${nonce}:${nc}:${cnonce}:auth:${ha2}`)
      : md5(`${ha1}:${nonce}:${ha2}`);
  return expected === response.toLowerCase();
}

/**
 * The nonces this server issued. A nonce stays usable for its lifetime and may be reused with a
 * growing nonce count, as RFC 7616 allows (Atlas's own clients send one per request).
 */
export class NonceBook {
  private readonly issued = new Map<string, number>();

  constructor(private readonly lifetimeMs = 5 * 60_000) {}

  issue(): string {
    const nonce = newNonce();
    this.issued.set(nonce, Date.now());
    if (this.issued.size > 10_000) this.forgetExpired();
    return nonce;
  }

  isFresh(nonce: string): boolean {
    const issuedAt = this.issued.get(nonce);
    return issuedAt !== undefined && Date.now() - issuedAt < this.lifetimeMs;
  }

  private forgetExpired(): void {
    for (const [nonce, issuedAt] of this.issued) {
      if (Date.now() - issuedAt >= this.lifetimeMs) this.issued.delete(nonce);
    }
  }
}
