/**
 * The verdict on an answer body: conformant, documentation drift, or deviation.
 *
 * - deviation: the body breaks what a conformant Atlas may answer (the observed view): a wrong
 *   type, a broken pattern or format, a required field missing, a length or bound exceeded.
 * - drift: it is what the documentation does not declare: an undeclared field, or a value
 *   outside a documented enum. Issue 3 makes both drift, not deviations: real Atlas answers
 *   values no enum lists (`effectiveInstanceSizeName: "FLEX"`, atlas-behaviour.md §7), so an
 *   enum of an answer documents what was known when it was written, not a limit of the server.
 * - conformant: it is exactly what the documentation declares.
 * Strictness (fail, warn, off) decides what drift does to a check; a deviation always fails.
 */
import { findingsOf, type Finding } from './validator.ts';
import type { ContractName } from './schemas.ts';

export type Strictness = 'fail' | 'warn' | 'off';
export const strictnessLevels: readonly Strictness[] = ['fail', 'warn', 'off'];

export type Verdict =
  | { kind: 'conformant' }
  | { kind: 'drift'; findings: Finding[] }
  | { kind: 'deviation'; findings: Finding[] };

/** Keywords whose breach in an answer is documentation drift, never a deviation (issue 3). */
const driftKeywords = new Set(['enum']);

export function judgeBody(contract: ContractName, body: unknown): Verdict {
  const observed = findingsOf(contract, 'observed', body);
  const deviations = observed.filter((f) => !driftKeywords.has(f.rule));
  if (deviations.length > 0) return { kind: 'deviation', findings: deviations };
  // The documented view is the stricter one: it holds every enum breach `observed` let pass.
  const drift = findingsOf(contract, 'documented', body);
  if (drift.length > 0) return { kind: 'drift', findings: drift };
  return { kind: 'conformant' };
}

/** Whether a verdict fails a check under a strictness setting. */
export function verdictFails(verdict: Verdict, strictness: Strictness): boolean {
  if (verdict.kind === 'deviation') return true;
  return verdict.kind === 'drift' && strictness === 'fail';
}

export function describeFindings(findings: Finding[]): string {
  return findings.map((f) => `${f.pointer} must satisfy ${f.rule}: ${f.message}`).join('; ');
}
