/**
 * Compiles the contracts with ajv, once per view, and exposes one validate function per
 * contract. ajv compiles `pattern` with the `u` flag, the same flags the generators use.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

import { contractsInView, type ContractName, type SchemaView } from './schemas.ts';

// ajv-formats ships CommonJS; under ESM its callable sits on `default`.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

const annotationKeywords = ['x-source', 'x-drift', 'x-undeclared'];

const compiled = new Map<SchemaView, Ajv>();

function ajvFor(view: SchemaView): Ajv {
  let ajv = compiled.get(view);
  if (ajv === undefined) {
    ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
    addFormats(ajv);
    for (const keyword of annotationKeywords) ajv.addKeyword({ keyword });
    for (const schema of contractsInView(view)) ajv.addSchema(schema);
    compiled.set(view, ajv);
  }
  return ajv;
}

// The mock validates every create: ajv's getSchema resolves the id anew on each call.
const validators = new Map<string, ValidateFunction>();

/** The compiled validator of one contract in one view. */
export function validatorFor(name: ContractName, view: SchemaView): ValidateFunction {
  const key = `${view}:${name}`;
  const cached = validators.get(key);
  if (cached !== undefined) return cached;
  const validate = ajvFor(view).getSchema(`${name}.schema.json`);
  if (validate === undefined) throw new Error(`contract ${name} must exist in contracts/`);
  validators.set(key, validate);
  return validate;
}

/** One broken rule: where (JSON pointer), which keyword, and what ajv says of it. */
export interface Finding {
  pointer: string;
  rule: string;
  message: string;
}

export function toFindings(errors: ErrorObject[] | null | undefined): Finding[] {
  return (errors ?? []).map((error) => {
    const extra =
      error.keyword === 'additionalProperties'
        ? `/${String((error.params as { additionalProperty: string }).additionalProperty)}`
        : '';
    return {
      pointer: `${error.instancePath}${extra}` || '/',
      rule: error.keyword,
      message: error.message ?? error.keyword,
    };
  });
}

/** Validates a value against one contract view and returns what it breaks (empty if nothing). */
export function findingsOf(name: ContractName, view: SchemaView, value: unknown): Finding[] {
  const validate = validatorFor(name, view);
  return validate(value) ? [] : toFindings(validate.errors);
}
