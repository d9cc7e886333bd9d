/**
 * The PATCH body of a serverless instance, judged by its contract
 * (contracts/update-request.schema.json, ServerlessInstanceDescriptionUpdate) through the
 * project's validator, the way the create is: POST and PATCH read a tag's length alike (in code
 * points, as ajv counts). When a body breaks several rules, the one Atlas's JSON binding meets
 * first wins, as for the create (contracts/request-rules.ts): unknown fields, then types, then
 * missing tag fields, then tag lengths; each is answered with the create's catalogue scenario.
 */
import type { ErrorObject } from 'ajv';

import type { ScenarioId } from '../contracts/catalogue.ts';
import { pointerToAttribute } from '../contracts/request-rules.ts';
import { validatorFor } from '../contracts/validator.ts';

export interface InstanceUpdate {
  serverlessBackupOptions?: { serverlessContinuousBackupEnabled?: boolean };
  tags?: { key: string; value: string }[];
  terminationProtectionEnabled?: boolean;
}

export type UpdateReading =
  { ok: true; update: InstanceUpdate } | { ok: false; scenario: ScenarioId; parameters: string[] };

const rank: ScenarioId[] = [
  'attribute-unknown',
  'json-type-invalid',
  'missing-attribute',
  'tag-invalid',
];

function classify(error: ErrorObject): { scenario: ScenarioId; parameters: string[] } {
  const attribute = pointerToAttribute(error.instancePath) || 'body';
  switch (error.keyword) {
    case 'additionalProperties': {
      const extra = String((error.params as { additionalProperty: string }).additionalProperty);
      return {
        scenario: 'attribute-unknown',
        parameters: [pointerToAttribute(`${error.instancePath}/${extra}`)],
      };
    }
    case 'required': {
      const missing = String((error.params as { missingProperty: string }).missingProperty);
      return {
        scenario: 'missing-attribute',
        parameters: [pointerToAttribute(`${error.instancePath}/${missing}`)],
      };
    }
    case 'minLength':
    case 'maxLength':
      return { scenario: 'tag-invalid', parameters: [attribute] };
    default:
      return { scenario: 'json-type-invalid', parameters: [attribute] };
  }
}

export function readUpdate(body: unknown): UpdateReading {
  const validate = validatorFor('update-request', 'request');
  if (validate(body)) return { ok: true, update: body as InstanceUpdate };
  const refusals = (validate.errors ?? []).map(classify);
  refusals.sort((a, b) => rank.indexOf(a.scenario) - rank.indexOf(b.scenario));
  const first = refusals[0] ?? { scenario: 'json-type-invalid', parameters: ['body'] };
  return { ok: false, ...first };
}
