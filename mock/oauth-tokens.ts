/**
 * Bearer tokens minted by the mock's `POST /api/oauth/token` (atlas-behaviour.md §2): one hour
 * of simulated time, no refresh token, revocable.
 */
import { randomBytes } from 'node:crypto';

import type { ServiceAccount } from '../fixtures/world.ts';

export const tokenLifetimeSeconds = 3600;

interface TokenRecord {
  account: ServiceAccount;
  expiresAt: number;
  revoked: boolean;
}

const base64url = (bytes: number) => randomBytes(bytes).toString('base64url');

export class TokenBook {
  private readonly tokens = new Map<string, TokenRecord>();

  /** A JWT-shaped opaque token, like the ES512 tokens Atlas mints. */
  issue(account: ServiceAccount, now: Date): string {
    const header = Buffer.from('{"alg":"ES512","typ":"JWT"}').toString('base64url');
    const token = `${header}.${base64url(48)}.${base64url(66)}`;
    const expiresAt = now.getTime() + tokenLifetimeSeconds * 1000;
    this.tokens.set(token, { account, expiresAt, revoked: false });
    return token;
  }

  /** The account behind a live token, or undefined for an unknown, expired or revoked one. */
  accountOf(token: string, now: Date): ServiceAccount | undefined {
    const record = this.tokens.get(token);
    if (record === undefined || record.revoked || now.getTime() >= record.expiresAt)
      return undefined;
    return record.account;
  }

  /**
   * Ends a live token's hour now, as the passing of that hour would: the control endpoint's,
   * so one test can expire its own token without moving the clock every other test reads.
   */
  expire(token: string, now: Date): boolean {
    const record = this.tokens.get(token);
    if (record === undefined || record.revoked) return false;
    record.expiresAt = Math.min(record.expiresAt, now.getTime());
    return true;
  }

  /** Whether the token was issued here and is past its life (not revoked): for a fault. */
  expiredAccountOf(token: string, now: Date): ServiceAccount | undefined {
    const record = this.tokens.get(token);
    if (record === undefined || record.revoked || now.getTime() < record.expiresAt)
      return undefined;
    return record.account;
  }

  /** Forgets every token issued, as a mock just started knows none. */
  clear(): void {
    this.tokens.clear();
  }

  revoke(token: string): void {
    const record = this.tokens.get(token);
    if (record !== undefined) record.revoked = true;
  }
}
