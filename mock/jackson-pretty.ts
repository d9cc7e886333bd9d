/**
 * JSON indented the way Atlas's own pretty bodies are (Jackson's default pretty printer):
 * two-space indents, `"key" : value`, arrays on one line as `[ a, b ]`, empty containers as
 * `{ }` and `[ ]`. The style is inferred from Atlas's pretty 401 bodies (atlas-behaviour.md §4).
 */
export function jacksonPretty(value: unknown, depth = 0): string {
  const pad = '  '.repeat(depth + 1);
  const closePad = '  '.repeat(depth);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[ ]';
    return `[ ${value.map((item) => jacksonPretty(item, depth)).join(', ')} ]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{ }';
    const lines = entries.map(
      ([k, v]) => `${pad}${JSON.stringify(k)} : ${jacksonPretty(v, depth + 1)}`,
    );
    return `{\n${lines.join(',\n')}\n${closePad}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
