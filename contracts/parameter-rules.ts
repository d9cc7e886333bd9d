/**
 * Which catalogue scenario the path and query parameters of a create fall into, decided by
 * parameters.schema.json. Values are judged as read back from the URL (strings), so
 * `envelope=yes` breaks the boolean rule and `envelope=true` does not.
 *
 * Query parameters the contract does not declare are not judged: nothing says Atlas refuses
 * them, and clients (the Go SDK among them) add their own.
 */
import type { RequestViolation } from './request-rules.ts';
import { validatorFor } from './validator.ts';

export interface RequestParameters {
  groupId: string;
  envelope?: string;
  pretty?: string;
}

/** The violation the parameters commit, or `undefined` when the contract accepts them. */
export function parameterViolation(parameters: RequestParameters): RequestViolation | undefined {
  const declared: Record<string, string> = { groupId: parameters.groupId };
  if (parameters.envelope !== undefined) declared.envelope = parameters.envelope;
  if (parameters.pretty !== undefined) declared.pretty = parameters.pretty;

  const validate = validatorFor('parameters', 'request');
  if (validate(declared)) return undefined;
  // The path is read before the query, so a bad groupId is what the caller hears about first.
  const errors = validate.errors ?? [];
  const onGroupId = errors.find((error) => error.instancePath === '/groupId');
  if (onGroupId !== undefined) {
    return {
      scenario: 'group-id-malformed',
      pointer: '/groupId',
      rule: onGroupId.keyword,
      parameters: [parameters.groupId],
    };
  }
  const flag = (errors[0]?.instancePath ?? '/envelope').slice(1);
  const rule = errors[0]?.keyword ?? 'type';
  return { scenario: 'flag-invalid', pointer: `/${flag}`, rule, parameters: [flag] };
}
