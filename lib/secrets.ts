/**
 * Every secret the run knows (keys, client secrets, minted tokens) and the one function that
 * scrubs them from anything written: attachments, logs, curl lines, reports.
 */
const known = new Set<string>();

export const redactedMark = '<redacted>';

/** Registers a secret; values shorter than 6 characters are too common to scrub safely. */
export function registerSecret(value: string | undefined): void {
  if (value !== undefined && value.length >= 6) known.add(value);
}

export function redact(text: string): string {
  let out = text;
  for (const secret of known) out = out.split(secret).join(redactedMark);
  // Authorization values never leave the process, whoever's they are.
  return out.replace(/((?:^|\n|")authorization"?\s*[:=]\s*"?)[^\n"]+/gi, `$1${redactedMark}`);
}

const sensitiveHeaders = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);

export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name] = sensitiveHeaders.has(name.toLowerCase()) ? redactedMark : redact(value);
  }
  return out;
}
