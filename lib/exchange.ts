/**
 * One request and its answer, as the suite records it for evidence. Everything here is already
 * redacted: an Exchange may be attached to a report as it is.
 */
import { shellQuote } from './shell-quote.ts';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
  /** How the request authenticated, for people: never the credentials themselves. */
  auth: string;
  /** The curl options that authenticate the same way, naming environment variables. */
  curlAuth: string[];
  bodyBytes?: Uint8Array;
}

export interface RecordedResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

export interface Exchange {
  request: RecordedRequest;
  response: RecordedResponse;
  durationMs: number;
  /** How many times the request went out when the client retried it (absent: once). */
  attempts?: number;
}

/** A curl command that sends the same request, with credentials as environment variables. */
export function curlOf(request: RecordedRequest): string {
  const parts = ['curl', '-i', ...request.curlAuth, '-X', request.method, shellQuote(request.url)];
  for (const [name, value] of Object.entries(request.headers)) {
    if (name.toLowerCase() === 'authorization') continue;
    parts.push('-H', shellQuote(`${name}: ${value}`));
  }
  if (request.bodyBytes !== undefined) parts.push('--data-binary', shellQuote(request.bodyBytes));
  else if (request.body !== undefined) parts.push('--data-binary', shellQuote(request.body));
  return parts.join(' ');
}

/** The exchange as text a person reads in a report. */
export function describeExchange(exchange: Exchange): string {
  const { request, response } = exchange;
  const requestHeaders = Object.entries(request.headers).map(([k, v]) => `${k}: ${v}`);
  const responseHeaders = Object.entries(response.headers).map(([k, v]) => `${k}: ${v}`);
  return [
    `${request.method} ${request.url}`,
    `auth: ${request.auth}`,
    ...requestHeaders,
    '',
    request.body ?? '',
    '',
    `HTTP ${response.status} (${exchange.durationMs.toFixed(0)} ms` +
      `${exchange.attempts === undefined ? '' : `, attempt ${exchange.attempts}`})`,
    ...responseHeaders,
    '',
    response.text,
  ].join('\n');
}
