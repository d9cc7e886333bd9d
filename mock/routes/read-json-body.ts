/**
 * The request body as JSON: strict UTF-8 (invalid bytes are malformed JSON, never replaced
 * characters), then JSON.parse. An absent body is malformed too: the create requires one.
 */
export type JsonRead = { ok: true; value: unknown } | { ok: false };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function readJsonBody(raw: unknown): JsonRead {
  if (!(raw instanceof Buffer) || raw.length === 0) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(strictUtf8.decode(raw)) };
  } catch {
    return { ok: false };
  }
}
