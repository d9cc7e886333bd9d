/**
 * Error answers shaped as Atlas sends them: `detail`, `error`, `errorCode`, `parameters`,
 * `reason`, keys in alphabetical order as in recorded compact bodies (atlas-behaviour.md §5).
 */
import { STATUS_CODES } from 'node:http';

import { formatDetail, scenario, type ScenarioId } from '../contracts/catalogue.ts';

export interface MockAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** The first status and code the catalogue lists for a scenario, with its detail filled in. */
export function atlasError(id: ScenarioId, parameters: readonly string[] = []): MockAnswer {
  const entry = scenario(id);
  const status = entry.statuses[0] ?? 500;
  const errorCode = entry.errorCodes[0] ?? undefined;
  const detail = formatDetail(entry.detail, parameters);
  const body =
    errorCode === undefined
      ? { error: status, reason: STATUS_CODES[status], detail }
      : {
          detail,
          error: status,
          errorCode,
          parameters: [...parameters],
          reason: STATUS_CODES[status],
        };
  return { status, body };
}
