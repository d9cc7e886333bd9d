/**
 * The operations the suite touches (operations.json): for each, the contract of its request
 * and of each answer, the statuses a conformant Atlas may give and their media types.
 */
import { readFileSync } from 'node:fs';

import type { ContractName, DriftNote } from './schemas.ts';

export type OperationId = 'create' | 'list' | 'get' | 'update' | 'delete' | 'flex-get';

export interface OperationContract {
  method: string;
  path: string;
  request?: { contract: ContractName; mediaTypes: string[] };
  /** Keyed by status code ("201"). */
  responses: Record<string, { contract: ContractName; mediaTypes: string[] }>;
  'x-source': string;
  'x-drift'?: DriftNote[];
}

const file = JSON.parse(readFileSync(new URL('./operations.json', import.meta.url), 'utf8')) as {
  operations: Record<OperationId, OperationContract>;
};

export const operations: Readonly<Record<OperationId, OperationContract>> = file.operations;

export type OAuthOperationId = 'oauth-token' | 'oauth-revoke';

const oauthFile = JSON.parse(
  readFileSync(new URL('./oauth-operations.json', import.meta.url), 'utf8'),
) as { operations: Record<OAuthOperationId, OperationContract> };

/** The service-account token operations (oauth-operations.json): not in the published spec. */
export const oauthOperations: Readonly<Record<OAuthOperationId, OperationContract>> =
  oauthFile.operations;

/** The contract a status of an operation answers with, or `undefined` if none is declared. */
export function responseContract(id: OperationId, status: number): ContractName | undefined {
  return operations[id].responses[String(status)]?.contract;
}
