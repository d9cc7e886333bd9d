/**
 * Which catalogue scenario a create request falls into, decided by the request contract.
 *
 * The embedded mock answers with it, and the generators' meta-tests use it to prove that each
 * invalid request breaks the rule it claims. When a body breaks several rules, the one Atlas's
 * JSON binding meets first wins: unknown or mistyped fields fail deserialisation before any
 * validation runs, then required fields, enums, patterns and lengths.
 */
import type { ErrorObject } from 'ajv';

import type { ScenarioId } from './catalogue.ts';
import { readContract } from './schemas.ts';
import { validatorFor } from './validator.ts';

export interface RequestViolation {
  scenario: ScenarioId;
  /** JSON pointer of the offending value (for a missing one, where it should be). */
  pointer: string;
  /**
   * The rule broken: the JSON Schema keyword of the contract (`pattern`, `required`,
   * `maxLength`...), `offered-region` for a region the target does not offer, `json` for text
   * no JSON parser reads.
   */
  rule: string;
  /** What Atlas puts in `parameters`, in order, to fill the detail template. */
  parameters: string[];
}

type JsonObject = Record<string, unknown>;

const rank: ScenarioId[] = [
  'attribute-unknown',
  'read-only-set',
  'json-type-invalid',
  'missing-attribute',
  'region-missing',
  'provider-invalid',
  'enum-invalid',
  'name-invalid',
  'tag-invalid',
];

/** The violation a body commits, or `undefined` when the request contract accepts it. */
export function requestViolation(body: unknown): RequestViolation | undefined {
  const validate = validatorFor('create-request', 'request');
  if (validate(body)) return undefined;
  const violations = (validate.errors ?? []).map((error) => classify(error, body));
  violations.sort((a, b) => rank.indexOf(a.scenario) - rank.indexOf(b.scenario));
  return violations[0];
}

function classify(error: ErrorObject, body: unknown): RequestViolation {
  const pointer = error.instancePath;
  const attribute = pointerToAttribute(pointer);
  const value = valueAt(body, pointer);

  switch (error.keyword) {
    case 'additionalProperty':
    case 'additionalProperties': {
      const extra = String((error.params as { additionalProperty: string }).additionalProperty);
      const where = `${pointer}/${extra}`;
      const scenario = readOnlyRequestFields().has(where) ? 'read-only-set' : 'attribute-unknown';
      return {
        scenario,
        pointer: where,
        // The request view drops read-only fields, so setting one reads as an unknown field.
        rule: scenario === 'read-only-set' ? 'readOnly' : 'additionalProperties',
        parameters: [pointerToAttribute(where)],
      };
    }
    case 'type':
      return {
        scenario: 'json-type-invalid',
        pointer,
        rule: 'type',
        parameters: [attribute || 'body'],
      };
    case 'required': {
      const missing = String((error.params as { missingProperty: string }).missingProperty);
      const where = `${pointer}/${missing}`;
      if (where === '/providerSettings/regionName') {
        const provider = valueAt(body, '/providerSettings/backingProviderName');
        return {
          scenario: 'region-missing',
          pointer: where,
          rule: 'required',
          parameters: ['', String(provider)],
        };
      }
      return {
        scenario: 'missing-attribute',
        pointer: where,
        rule: 'required',
        parameters: [pointerToAttribute(where)],
      };
    }
    case 'enum': {
      const scenario =
        pointer === '/providerSettings/backingProviderName' ? 'provider-invalid' : 'enum-invalid';
      return { scenario, pointer, rule: 'enum', parameters: [String(value)] };
    }
    case 'pattern':
      return { scenario: 'name-invalid', pointer, rule: 'pattern', parameters: [String(value)] };
    case 'minLength':
    case 'maxLength':
      return pointer === '/name'
        ? { scenario: 'name-invalid', pointer, rule: error.keyword, parameters: [String(value)] }
        : { scenario: 'tag-invalid', pointer, rule: error.keyword, parameters: [attribute] };
    default:
      return {
        scenario: 'json-type-invalid',
        pointer,
        rule: error.keyword,
        parameters: [attribute || 'body'],
      };
  }
}

/** `/providerSettings/regionName` becomes `providerSettings.regionName`, as Atlas names it. */
export function pointerToAttribute(pointer: string): string {
  return pointer
    .split('/')
    .filter((part) => part !== '')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

export function valueAt(document: unknown, pointer: string): unknown {
  let here: unknown = document;
  for (const part of pointer.split('/').filter((p) => p !== '')) {
    if (typeof here !== 'object' || here === null) return undefined;
    here = (here as JsonObject)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return here;
}

let readOnlyCache: Set<string> | undefined;

/**
 * Pointers of the fields a create must not set: those the create schema declares read-only
 * (stateName, the effective provider settings) and those the success schema marks read-only
 * (id, groupId, createDate...), which a client copying an answer back would send.
 */
export function readOnlyRequestFields(): Set<string> {
  if (readOnlyCache !== undefined) return readOnlyCache;
  const common = readContract('common') as { definitions: Record<string, JsonObject> };
  const resolve = (schema: JsonObject): JsonObject => {
    const ref = schema.$ref;
    if (typeof ref !== 'string') return schema;
    const name = ref.split('/').pop() ?? '';
    return { ...(common.definitions[name] ?? {}), ...schema, $ref: undefined };
  };
  const found = new Set<string>();
  const walk = (schema: JsonObject, pointer: string) => {
    const resolved = resolve(schema);
    if (resolved.readOnly === true) found.add(pointer);
    const properties = resolved.properties as Record<string, JsonObject> | undefined;
    for (const [name, child] of Object.entries(properties ?? {})) walk(child, `${pointer}/${name}`);
  };
  walk(readContract('create-request'), '');
  walk(readContract('instance'), '');
  readOnlyCache = found;
  return found;
}
