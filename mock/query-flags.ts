/**
 * The `nonBooleanFlag` setting's `reject` choice (mock/unknown-facts.ts): `envelope` or `pretty`
 * with a value other than true or false gets 400 INVALID_QUERY_PARAMETER naming the parameter
 * (catalogue scenario `flag-invalid`, evidence unknown). With the default `ignore` nothing is
 * checked here and mock/send-answer.ts reads such a value as false.
 */
import type { FastifyRequest } from 'fastify';

import { atlasError, type MockAnswer } from './atlas-error.ts';
import type { MockOptions } from './options.ts';

const flags = ['envelope', 'pretty'] as const;

export function nonBooleanFlagRefusal(
  options: Pick<MockOptions, 'nonBooleanFlag'>,
  request: FastifyRequest,
): MockAnswer | undefined {
  if (options.nonBooleanFlag !== 'reject') return undefined;
  const query = (request.query ?? {}) as Record<string, string | string[] | undefined>;
  for (const flag of flags) {
    const raw = query[flag];
    if (raw === undefined) continue;
    const values = Array.isArray(raw) ? raw : [raw];
    if (values.some((value) => value !== 'true' && value !== 'false')) {
      return atlasError('flag-invalid', [flag]);
    }
  }
  return undefined;
}
