/**
 * The error catalogue: each error scenario of the create and of the lifecycle around it, the
 * answers a conformant Atlas may give, and how sure we are of them (evidence levels: see the
 * `$comment` of error-catalogue.json). The first status and code of a scenario are the ones the
 * embedded mock answers; a check accepts any listed one and records which it saw.
 */
import { readFileSync } from 'node:fs';

export type Evidence = 'confirmed' | 'third-party' | 'documented' | 'inferred' | 'unknown';

export interface ErrorScenario {
  title: string;
  statuses: number[];
  /** `null` stands for an error body without `errorCode` (the 401 challenge). */
  errorCodes: (string | null)[];
  detail: string;
  evidence: Evidence;
  source: string;
  /** The server may also ignore the input and answer as if it were absent. */
  ignoredIsAcceptable?: boolean;
}

export type ScenarioId =
  | 'unauthenticated'
  | 'bad-credentials'
  | 'missing-role'
  | 'not-on-access-list'
  | 'version-not-acceptable'
  | 'version-gone'
  | 'group-id-malformed'
  | 'group-not-found'
  | 'flag-invalid'
  | 'missing-attribute'
  | 'region-missing'
  | 'region-unknown'
  | 'region-cloud-native'
  | 'provider-invalid'
  | 'enum-invalid'
  | 'name-invalid'
  | 'json-type-invalid'
  | 'json-malformed'
  | 'attribute-unknown'
  | 'tag-invalid'
  | 'read-only-set'
  | 'duplicate-name'
  | 'no-payment-method'
  | 'rate-limited'
  | 'server-fault'
  | 'media-type-unsupported'
  | 'method-not-allowed'
  | 'not-in-group'
  | 'account-suspended'
  | 'instance-not-found'
  | 'delete-repeated'
  | 'delete-protected'
  | 'update-while-deleting'
  | 'flex-not-found'
  | 'non-flex-in-flex-api';

const file = new URL('./error-catalogue.json', import.meta.url);
const parsed = JSON.parse(readFileSync(file, 'utf8')) as {
  scenarios: Record<ScenarioId, ErrorScenario>;
};

export const errorCatalogue: Readonly<Record<ScenarioId, ErrorScenario>> = parsed.scenarios;

/** Every scenario id the catalogue holds, in file order. */
export const scenarioIds = Object.keys(parsed.scenarios) as ScenarioId[];

export function scenario(id: ScenarioId): ErrorScenario {
  const found = errorCatalogue[id];
  if (found === undefined) throw new Error(`scenario ${id} must be in error-catalogue.json`);
  return found;
}

/** One status and one code, confirmed: the check can demand exactly that answer. */
export function isExact(entry: ErrorScenario): boolean {
  return (
    entry.evidence === 'confirmed' && entry.statuses.length === 1 && entry.errorCodes.length === 1
  );
}

/** The detail template with `%s` filled in order, as Atlas formats its messages. */
export function formatDetail(template: string, parameters: readonly unknown[]): string {
  let next = 0;
  return template.replace(/%s/g, () => String(parameters[next++] ?? ''));
}

export interface ErrorAnswer {
  status: number;
  errorCode: string | undefined;
}

/** Whether an observed error answer is one the scenario allows. */
export function answerIsAcceptable(entry: ErrorScenario, answer: ErrorAnswer): boolean {
  if (!entry.statuses.includes(answer.status)) return false;
  return entry.errorCodes.includes(answer.errorCode ?? null);
}
