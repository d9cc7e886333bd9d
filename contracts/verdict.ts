/**
 * The verdict on an answer body: conformant, documentation drift, or deviation.
 *
 * - deviation: the body breaks what a conformant Atlas may answer (the observed view).
 * - drift: it is what real Atlas answers but not what the documentation declares.
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

export function judgeBody(contract: ContractName, body: unknown): Verdict {
  const deviations = findingsOf(contract, 'observed', body);
  if (deviations.length > 0) return { kind: 'deviation', findings: deviations };
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
