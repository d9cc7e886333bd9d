/**
 * The words for a request that got no answer, for the one line a run ends with.
 *
 * fetch says only "fetch failed"; undici puts the reason in `cause`: a system error
 * (`connect ECONNREFUSED 127.0.0.1:4010`, `getaddrinfo ENOTFOUND host`), one of its own
 * (`UND_ERR_SOCKET`, `other side closed`), an AggregateError with one error per address tried,
 * or a bare `bad port` for the ports the Fetch standard never connects to (1, 9, 6000, ...).
 * The line names that reason, never fetch's own words.
 */

interface Cause {
  code: string | undefined;
  text: string;
}

function causeOf(error: unknown): Cause {
  const outer = error as { message?: string; cause?: unknown };
  const cause = (outer.cause ?? error) as { code?: unknown; message?: string; errors?: unknown };
  const code = typeof cause.code === 'string' ? cause.code : undefined;
  let text = cause.message ?? '';
  if (text === '' && Array.isArray(cause.errors)) {
    text = cause.errors.map((e) => (e as Error).message).join('; ');
  }
  if (text === 'bad port') text = 'bad port: the Fetch standard blocks this port, use another';
  if (code !== undefined && !text.includes(code)) text = text === '' ? code : `${code}: ${text}`;
  return { code, text: text === '' ? (outer.message ?? String(error)) : text };
}

/** What went wrong, after `<METHOD> <origin> `: nothing reached, or something not HTTP. */
export function requestFailure(error: unknown): string {
  const cause = causeOf(error);
  // A parser error (HPE_*) means something answered, but not in HTTP.
  if (cause.code?.startsWith('HPE_') === true) {
    return `answered with something that is not HTTP (${cause.text})`;
  }
  return `could not be reached: ${cause.text}`;
}
