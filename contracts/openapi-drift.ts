/**
 * Compares the contracts with a published OpenAPI 3 document and lists every difference:
 * operations, status codes, media types, and in each body schema the fields, types, enums,
 * patterns, lengths, bounds and required lists.
 *
 * Rules:
 * - Our side is the observed view (what the suite holds a conformant Atlas to), so every place
 *   where we knowingly depart from the documentation shows up as a difference.
 * - A difference is explained when the node it sits on carries an `x-drift` note naming its
 *   keyword (in `keywords` or `override`), when the field is `x-undeclared` (real Atlas sends
 *   it, the documentation never declared it), or, for statuses and media types, when the
 *   operation's `x-drift` names `status:<code>` or `requestMediaType:<type>`.
 * - Pointers are JSON pointers into the body; `*` stands for every item of an array.
 */
import { operations, type OperationContract, type OperationId } from './operations.ts';
import { deriveView, readContract, type ContractName, type DriftNote } from './schemas.ts';

type JsonObject = Record<string, unknown>;

export interface Explanation {
  why: string;
  evidence: string;
  source: string;
}

export interface Difference {
  /** Where: the operation, then the contract and pointer when the difference is in a schema. */
  where: string;
  aspect: string;
  ours: string;
  theirs: string;
  explanation?: Explanation;
}

export class NotOpenApi extends Error {}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Refuses early what is not an OpenAPI 3 document, in one line. */
export function assertOpenApi(document: unknown): asserts document is JsonObject {
  if (!isObject(document)) throw new NotOpenApi('the document must be a JSON object');
  const version = document.openapi;
  if (typeof version !== 'string' || !version.startsWith('3.')) {
    throw new NotOpenApi('the document must declare "openapi": "3.x" (OpenAPI 3)');
  }
  if (!isObject(document.paths)) throw new NotOpenApi('the document must have "paths"');
}

function resolveTheirs(document: JsonObject, node: unknown): JsonObject {
  let here = node;
  for (let depth = 0; isObject(here) && typeof here.$ref === 'string' && depth < 20; depth++) {
    let target: unknown = document;
    for (const part of here.$ref.replace(/^#\//, '').split('/')) {
      target = isObject(target) ? target[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    }
    here = target;
  }
  return isObject(here) ? here : {};
}

const observedCache = new Map<string, JsonObject>();

function observedContract(name: string): JsonObject {
  let found = observedCache.get(name);
  if (found === undefined) {
    found = deriveView(readContract(name as ContractName), 'observed');
    observedCache.set(name, found);
  }
  return found;
}

/**
 * Our node with its `$ref` followed (siblings of the `$ref` win, as the contracts intend), and
 * the contract file the result sits in, against which its own local `$ref`s resolve.
 */
function resolveOurs(node: unknown, base: string): [JsonObject, string] {
  if (!isObject(node)) return [{}, base];
  const ref = node.$ref;
  if (typeof ref !== 'string') return [node, base];
  const [file, fragment] = ref.split('#');
  const targetBase = file === undefined || file === '' ? base : file.replace('.schema.json', '');
  let target: unknown = observedContract(targetBase);
  for (const part of (fragment ?? '').split('/').filter((p) => p !== '')) {
    target = isObject(target) ? target[part] : undefined;
  }
  const { $ref: _ref, ...siblings } = node;
  const [resolved, resolvedBase] = resolveOurs(target, targetBase);
  return [{ ...resolved, ...siblings }, resolvedBase];
}

function explain(node: JsonObject, keyword: string): Explanation | undefined {
  const notes = Array.isArray(node['x-drift']) ? (node['x-drift'] as DriftNote[]) : [];
  const note = notes.find(
    (n) => n.keywords?.includes(keyword) === true || (n.override ?? {})[keyword] !== undefined,
  );
  return note === undefined
    ? undefined
    : { why: note.why, evidence: note.evidence, source: note.source };
}

function show(value: unknown): string {
  if (value === undefined) return '(none)';
  if (Array.isArray(value)) return value.map(String).join(', ');
  return String(value);
}

function typeOf(node: JsonObject): string | undefined {
  const type = node.type;
  const types = Array.isArray(type) ? [...type] : type === undefined ? [] : [type];
  if (node.nullable === true) types.push('null');
  return types.length === 0 ? undefined : types.map(String).sort().join('|');
}

function sameSet(a: unknown, b: unknown): boolean {
  const left = Array.isArray(a) ? a.map(String).sort() : undefined;
  const right = Array.isArray(b) ? b.map(String).sort() : undefined;
  return JSON.stringify(left ?? []) === JSON.stringify(right ?? []);
}

const scalarKeywords = ['pattern', 'minLength', 'maxLength', 'minimum', 'maximum'] as const;

/** Walks our schema and theirs side by side, pushing every difference. */
export function compareSchemas(
  oursNode: unknown,
  base: string,
  theirsNode: unknown,
  document: JsonObject,
  where: string,
  out: Difference[],
): void {
  const [ours, ourBase] = resolveOurs(oursNode, base);
  const theirs = resolveTheirs(document, theirsNode);
  const push = (aspect: string, o: unknown, t: unknown, keyword = aspect) =>
    out.push({
      where,
      aspect,
      ours: show(o),
      theirs: show(t),
      explanation: explain(ours, keyword),
    });

  if (typeOf(ours) !== typeOf(theirs)) push('type', typeOf(ours), typeOf(theirs));
  if (!sameSet(ours.enum, theirs.enum)) push('enum', ours.enum, theirs.enum);
  for (const keyword of scalarKeywords) {
    if (ours[keyword] !== theirs[keyword]) push(keyword, ours[keyword], theirs[keyword]);
  }
  if (!sameSet(ours.required, theirs.required)) push('required', ours.required, theirs.required);

  const ourFields = isObject(ours.properties) ? ours.properties : {};
  const theirFields = isObject(theirs.properties) ? theirs.properties : {};
  for (const field of new Set([...Object.keys(ourFields), ...Object.keys(theirFields)])) {
    const at = `${where}/${field}`;
    const mine = ourFields[field];
    const their = theirFields[field];
    if (mine !== undefined && their !== undefined) {
      compareSchemas(mine, ourBase, their, document, at, out);
      continue;
    }
    const undeclared = isObject(mine) && mine['x-undeclared'] === true;
    out.push({
      where: at,
      aspect: 'field',
      ours: mine === undefined ? 'absent' : 'declared',
      theirs: their === undefined ? 'absent' : 'declared',
      explanation: undeclared
        ? {
            why: 'real Atlas sends this field; the documentation never declared it',
            evidence: 'confirmed',
            source: String(mine['x-source'] ?? ''),
          }
        : explain(ours, `field:${field}`),
    });
  }
  if (ours.items !== undefined || theirs.items !== undefined) {
    // A note on the array that overrides its `items` explains what differs inside them.
    const inside: Difference[] = [];
    compareSchemas(ours.items ?? {}, ourBase, theirs.items ?? {}, document, `${where}/*`, inside);
    const itemsNote = explain(ours, 'items');
    out.push(...inside.map((d) => ({ ...d, explanation: d.explanation ?? itemsNote })));
  }
}

function mediaTypesOf(node: unknown): string[] {
  return isObject(node) && isObject(node.content) ? Object.keys(node.content) : [];
}

function compareOperation(
  id: OperationId,
  ours: OperationContract,
  document: JsonObject,
  out: Difference[],
): void {
  const label = `${id} ${ours.method} ${ours.path}`;
  const paths = document.paths as JsonObject;
  const pathItem = paths[ours.path];
  const theirs = isObject(pathItem) ? pathItem[ours.method.toLowerCase()] : undefined;
  const opNote = (keyword: string) => explain(ours as unknown as JsonObject, keyword);
  if (!isObject(theirs)) {
    out.push({ where: label, aspect: 'operation', ours: 'declared', theirs: 'absent' });
    return;
  }

  // Request media types and body.
  if (ours.request !== undefined) {
    const theirTypes = mediaTypesOf(resolveTheirs(document, theirs.requestBody));
    for (const type of new Set([...ours.request.mediaTypes, ...theirTypes])) {
      const o = ours.request.mediaTypes.includes(type);
      const t = theirTypes.includes(type);
      if (o !== t) {
        out.push({
          where: label,
          aspect: `request media type ${type}`,
          ours: o ? 'accepted' : 'absent',
          theirs: t ? 'documented' : 'absent',
          explanation: opNote(`requestMediaType:${type}`),
        });
      }
    }
    const content = resolveTheirs(document, theirs.requestBody).content;
    const first = isObject(content) ? Object.values(content)[0] : undefined;
    if (isObject(first)) {
      const contract = observedContract(ours.request.contract);
      compareSchemas(
        contract,
        ours.request.contract,
        first.schema,
        document,
        `${ours.request.contract} `,
        out,
      );
    }
  }

  // Statuses, their media types and bodies.
  const responses = isObject(theirs.responses) ? theirs.responses : {};
  const statuses = new Set([...Object.keys(ours.responses), ...Object.keys(responses)]);
  for (const status of [...statuses].filter((s) => s !== 'default').sort()) {
    const mine = ours.responses[status];
    const their = responses[status];
    if (mine === undefined || their === undefined) {
      out.push({
        where: label,
        aspect: `status ${status}`,
        ours: mine === undefined ? 'absent' : 'declared',
        theirs: their === undefined ? 'absent' : 'documented',
        explanation: opNote(`status:${status}`),
      });
      continue;
    }
    const resolved = resolveTheirs(document, their);
    const theirTypes = mediaTypesOf(resolved);
    for (const type of new Set([...mine.mediaTypes, ...theirTypes])) {
      if (mine.mediaTypes.includes(type) !== theirTypes.includes(type)) {
        out.push({
          where: label,
          aspect: `status ${status} media type ${type}`,
          ours: mine.mediaTypes.includes(type) ? 'declared' : 'absent',
          theirs: theirTypes.includes(type) ? 'documented' : 'absent',
          explanation: opNote(`responseMediaType:${status}:${type}`),
        });
      }
    }
    const content = resolved.content;
    const first = isObject(content) ? Object.values(content)[0] : undefined;
    if (isObject(first) && first.schema !== undefined) {
      compareSchemas(
        observedContract(mine.contract),
        mine.contract,
        first.schema,
        document,
        `${mine.contract} `,
        out,
      );
    }
  }
}

/** Path and query parameters of the create against parameters.schema.json. */
function compareParameters(document: JsonObject, out: Difference[]): void {
  const create = operations.create;
  const pathItem = (document.paths as JsonObject)[create.path];
  const operation = isObject(pathItem) ? pathItem.post : undefined;
  if (!isObject(operation) || !Array.isArray(operation.parameters)) return;
  const theirs: JsonObject = {};
  const required: string[] = [];
  for (const parameter of operation.parameters) {
    const resolved = resolveTheirs(document, parameter);
    if (typeof resolved.name === 'string') theirs[resolved.name] = resolved.schema ?? {};
    if (resolved.required === true) required.push(String(resolved.name));
  }
  const schema = { type: 'object', properties: theirs, required };
  compareSchemas(
    observedContract('parameters'),
    'parameters',
    schema,
    document,
    'parameters ',
    out,
  );
}

/** Every difference between the contracts and the document, without duplicates. */
export function driftAgainst(document: unknown): Difference[] {
  assertOpenApi(document);
  const out: Difference[] = [];
  for (const [id, operation] of Object.entries(operations) as [OperationId, OperationContract][]) {
    compareOperation(id, operation, document, out);
  }
  compareParameters(document, out);
  const seen = new Set<string>();
  return out.filter((d) => {
    const key = `${d.where}|${d.aspect}|${d.ours}|${d.theirs}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
