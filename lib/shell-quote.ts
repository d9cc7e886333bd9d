/**
 * Quotes a string for POSIX shells. Printable text goes in single quotes; anything with control
 * characters or invalid UTF-8 goes in bash's $'...' form so the exact bytes are replayed.
 */
export function shellQuote(value: string | Uint8Array): string {
  const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value);
  const text = bytes.toString('utf8');
  const roundTrips = Buffer.from(text, 'utf8').equals(bytes);
  if (roundTrips && !/[\u0000-\u001f\u007f]/.test(text)) {
    return `'${text.replace(/'/g, `'\\''`)}'`;
  }
  let out = "$'";
  for (const byte of bytes) {
    const char = String.fromCharCode(byte);
    if (byte >= 0x20 && byte < 0x7f && char !== "'" && char !== '\\') out += char;
    else out += `\\x${byte.toString(16).padStart(2, '0')}`;
  }
  return `${out}'`;
}
