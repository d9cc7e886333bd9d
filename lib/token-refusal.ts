/**
 * The one line for a token endpoint that gave no token.
 *
 * Rules:
 * - Only what Atlas answers to bad client credentials blames them: 400 or 401 with an OAuth
 *   error body whose code is one Atlas is known to send (contracts/oauth-error.schema.json:
 *   `invalid_client`, `invalid_request`, ...).
 * - Another documented OAuth error (403 `access_denied`) is named as it came, blaming nothing.
 * - Anything else (the 501 of `python3 -m http.server`, an HTML page, a 200 without a token, an
 *   error code no Atlas sends) says the endpoint did not answer like Atlas: the base URL is the
 *   likelier mistake than the credentials.
 */
import { judgeBody } from '../contracts/verdict.ts';

const credentialStatuses = new Set([400, 401]);

function oauthErrorCode(status: number, body: unknown): string | undefined {
  if (status < 400 || judgeBody('oauth-error', body).kind !== 'conformant') return undefined;
  return (body as { error: string }).error;
}

function shapeOf(status: number, body: unknown): string {
  if (body === undefined) return 'a body that is not JSON';
  return status < 400 ? 'JSON without an access token' : 'JSON that is not an OAuth error';
}

/** `body` is the answer parsed as JSON, undefined when it is not JSON. */
export function tokenRefusal(status: number, body: unknown): string {
  const code = oauthErrorCode(status, body);
  if (code !== undefined && credentialStatuses.has(status)) {
    return (
      `the token endpoint answered ${status} (${code}): ` +
      'check MONGODB_ATLAS_CLIENT_ID and MONGODB_ATLAS_CLIENT_SECRET'
    );
  }
  if (code !== undefined) {
    return `the token endpoint answered ${status} (${code}): the service account got no token`;
  }
  return (
    `the token endpoint (POST /api/oauth/token) did not answer like Atlas: ${status} with ` +
    `${shapeOf(status, body)}; MONGODB_ATLAS_BASE_URL may not be an Atlas API`
  );
}
