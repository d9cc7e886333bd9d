/**
 * Error answers shaped as Atlas sends them: `detail`, `error`, `errorCode`, `parameters`,
 * `reason`, keys in alphabetical order as in recorded compact bodies (atlas-behaviour.md §5).
 */
import { STATUS_CODES } from 'node:http';

import { formatDetail, scenario, type ScenarioId } from '../contracts/catalogue.ts';

export interface MockAnswer {
  status: number;
  body: unknown;
  /** The body as compact JSON, when the route already has it (sent unless enveloped). */
  text?: string;
  headers?: Record<string, string>;
  /** A paginated list: `envelope=true` adds `status` to it instead of wrapping it (REF). */
  paginated?: boolean;
}

/**
 * The first status and code the catalogue lists for a scenario, with its detail filled in.
 * `recordedParameters` replaces `parameters` where Atlas's differ from the values of the detail
 * template (the duplicate-name answer names the kind of resource first, for instance).
 */
export function atlasError(
  id: ScenarioId,
  parameters: readonly unknown[] = [],
  recordedParameters?: readonly unknown[],
): MockAnswer {
  const entry = scenario(id);
  return answerWith(id, entry.errorCodes[0] ?? undefined, parameters, recordedParameters);
}

/**
 * The scenario answered with another of the codes the catalogue lists for it, where the
 * reference records that one and the catalogue puts it second; it must be listed.
 */
export function atlasErrorAs(
  id: ScenarioId,
  errorCode: string,
  parameters: readonly unknown[] = [],
  recordedParameters?: readonly unknown[],
): MockAnswer {
  if (!scenario(id).errorCodes.includes(errorCode)) {
    throw new Error(`errorCode ${errorCode} must be listed for ${id} in error-catalogue.json`);
  }
  return answerWith(id, errorCode, parameters, recordedParameters);
}

function answerWith(
  id: ScenarioId,
  errorCode: string | undefined,
  parameters: readonly unknown[],
  recordedParameters: readonly unknown[] | undefined,
): MockAnswer {
  const entry = scenario(id);
  const status = entry.statuses[0] ?? 500;
  const detail = formatDetail(entry.detail, parameters);
  return errorCode === undefined
    ? { status, body: { error: status, reason: STATUS_CODES[status], detail } }
    : mockError(status, errorCode, detail, recordedParameters ?? parameters);
}

/** An Atlas error body for a situation the catalogue does not hold (lifecycle, routing). */
export function mockError(
  status: number,
  errorCode: string,
  detail: string,
  parameters: readonly unknown[] = [],
): MockAnswer {
  return {
    status,
    body: {
      detail,
      error: status,
      errorCode,
      parameters: [...parameters],
      reason: STATUS_CODES[status],
    },
  };
}
