/**
 * Reads the JSON Schema contracts and derives the three views every consumer uses.
 *
 * Rules:
 * - The files in this folder are written as the documentation states them; `x-drift` entries
 *   record where real Atlas departs from them (with evidence), and `x-undeclared` marks fields
 *   real Atlas sends that the documentation never declared.
 * - `request`: what a client may send. Objects are closed and read-only fields are dropped, so
 *   an unknown or read-only field is a violation (REF: unknown fields are rejected with 400).
 * - `documented`: what the documentation promises in answers. Objects are closed, undeclared
 *   fields are dropped, drift is ignored.
 * - `observed`: what a conformant Atlas may really answer: drift overrides applied, objects open.
 */
import { readFileSync } from 'node:fs';

export type SchemaView = 'request' | 'documented' | 'observed';
export type ContractName =
  | 'common'
  | 'create-request'
  | 'update-request'
  | 'instance'
  | 'list'
  | 'request-accepted'
  | 'flex-cluster'
  | 'error'
  | 'envelope'
  | 'parameters'
  | 'oauth-token'
  | 'oauth-error';

type JsonObject = { [key: string]: unknown };

/**
 * Where real Atlas, or another edition of the documentation, departs from the rule written on
 * this node. `override` replaces keywords in the observed view (`null` removes one); a note
 * without one only explains a difference, naming the keywords it concerns in `keywords`
 * (the drift tool reads both).
 */
export interface DriftNote {
  why: string;
  evidence: string;
  source: string;
  override?: JsonObject;
  keywords?: string[];
}

export const contractNames: readonly ContractName[] = [
  'common',
  'create-request',
  'update-request',
  'instance',
  'list',
  'request-accepted',
  'flex-cluster',
  'error',
  'envelope',
  'parameters',
  'oauth-token',
  'oauth-error',
];

/** The schema file of a contract, exactly as committed. */
export function readContract(name: ContractName): JsonObject {
  const url = new URL(`./${name}.schema.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as JsonObject;
}

/** Every contract in one view, keyed by `$id`, ready to hand to a validator. */
export function contractsInView(view: SchemaView): JsonObject[] {
  return contractNames.map((name) => deriveView(readContract(name), view));
}

/** One schema node rewritten for a view; the input is left untouched. */
export function deriveView(node: unknown, view: SchemaView): JsonObject {
  return rewrite(node, view) as JsonObject;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function rewrite(node: unknown, view: SchemaView): unknown {
  if (Array.isArray(node)) return node.map((item) => rewrite(item, view));
  if (!isObject(node)) return node;

  // Drift overrides replace keywords of this node before its children are visited.
  let source: JsonObject = node;
  if (view === 'observed' && Array.isArray(node['x-drift'])) {
    source = { ...node };
    for (const drift of node['x-drift'] as DriftNote[]) {
      for (const [keyword, value] of Object.entries(drift.override ?? {})) {
        if (value === null) delete source[keyword];
        else source[keyword] = value;
      }
    }
  }

  const out: JsonObject = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === 'properties' && isObject(value)) out[key] = rewriteProperties(value, view);
    else out[key] = rewrite(value, view);
  }

  // The JSON Schema default is open; the published contract declares no additionalProperties,
  // and an undeclared field is documentation drift, not a deviation. Closing the documented
  // views is what lets the verdict tell the two apart.
  if (view !== 'observed' && isObject(out.properties) && !('additionalProperties' in out)) {
    out.additionalProperties = false;
  }
  return out;
}

function rewriteProperties(properties: JsonObject, view: SchemaView): JsonObject {
  const out: JsonObject = {};
  for (const [name, schema] of Object.entries(properties)) {
    if (isObject(schema)) {
      if (view !== 'observed' && schema['x-undeclared'] === true) continue;
      if (view === 'request' && schema.readOnly === true) continue;
      if (view === 'documented' && schema.writeOnly === true) continue;
    }
    out[name] = rewrite(schema, view);
  }
  return out;
}
