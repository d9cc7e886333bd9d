/**
 * The recorded form of a request: redacted URL, headers and body, how it authenticated in words,
 * and the curl options that authenticate the same way with environment variables.
 */
import type { RecordedRequest } from './exchange.ts';
import { redact, redactHeaders } from './secrets.ts';

export type Credentials =
  | { kind: 'digest'; publicKey: string; privateKey: string }
  | { kind: 'oauth'; clientId: string; clientSecret: string };

export type RequestAuth =
  'default' | 'none' | { digest: { publicKey: string; privateKey: string } } | { bearer: string };

function authenticationOf(auth: RequestAuth, credentials: Credentials): [string, string[]] {
  if (auth === 'none') return ['none', []];
  if (typeof auth === 'object' && 'bearer' in auth) {
    return [
      'bearer token chosen by the check (redacted)',
      ['-H', '"Authorization: Bearer $ACCESS_TOKEN"'],
    ];
  }
  if (typeof auth === 'object') {
    return [
      `digest as ${auth.digest.publicKey} with a key chosen by the check`,
      ['--digest', '--user', `"${auth.digest.publicKey}:$PRIVATE_KEY"`],
    ];
  }
  if (credentials.kind === 'digest') {
    return [
      `digest as ${credentials.publicKey}`,
      ['--digest', '--user', '"$MONGODB_ATLAS_PUBLIC_KEY:$MONGODB_ATLAS_PRIVATE_KEY"'],
    ];
  }
  return [
    `OAuth service account ${credentials.clientId}`,
    ['-H', '"Authorization: Bearer $ACCESS_TOKEN"'],
  ];
}

export function describeRequest(
  method: string,
  url: URL,
  headers: Record<string, string>,
  body: string | Uint8Array | undefined,
  auth: RequestAuth,
  credentials: Credentials,
): RecordedRequest {
  const [described, curlAuth] = authenticationOf(auth, credentials);
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
