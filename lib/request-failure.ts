/**
 * The words for a request that got no whole answer, for the one line a run ends with.
 *
 * fetch says only "fetch failed" (nothing answered) or "terminated" (the body broke off after
 * the status arrived); undici puts the reason in `cause`: a system error
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

/**
 * What went wrong, after `<METHOD> <origin> `: nothing reached, something that is not HTTP, or
 * an answer whose `status` arrived but whose body did not, whole.
 */
export function requestFailure(error: unknown, status?: number): string {
  const cause = causeOf(error);
  if (status !== undefined) {
    return `answered ${status}, but its body was cut short or unreadable (${cause.text})`;
  }
  // A parser error (HPE_*) means something answered, but not in HTTP.
  if (cause.code?.startsWith('HPE_') === true) {
    return `answered with something that is not HTTP (${cause.text})`;
  }
  return `could not be reached: ${cause.text}`;
}
