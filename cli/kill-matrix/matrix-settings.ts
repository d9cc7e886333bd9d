/**
 * The kill matrix's settings from its command line, with the defaults `npm test` relies on:
 * every fault of the catalogue, a fixed seed, two more seeds for the correct mock, two faults
 * repeated with the same seed, two suite runs at a time (the machine has two cores), and 10
 * property runs: the matrix asks whether a fault is caught, not how far the generators reach,
 * and the fixed seed makes the answer the same on every run.
 */
import { parseArgs } from 'node:util';

import { faultCatalogue, isFaultId, type FaultId } from '../../mock/faults.ts';
import type { MatrixSettings } from './matrix.ts';

export const matrixUsage =
  'usage: npm run kill-matrix -- [--fault id]... [--seed N] [--extra-seeds N,N] ' +
  '[--repeat id,id] [--num-runs N] [--concurrency N] [--timeout-s N]';

export const defaultSeed = 20260115;

/** Faults whose catch depends on generated data: the ones worth repeating with one seed. */
export const defaultRepeated: FaultId[] = ['name-pattern-unchecked', 'tags-dropped'];

function wholeNumber(value: string, name: string, min: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min) {
    throw new Error(`--${name} must be a whole number of at least ${min}, not ${value}`);
  }
  return number;
}

function faultIds(values: string[], name: string): FaultId[] {
  return values.map((value) => {
    if (!isFaultId(value)) {
      throw new Error(`--${name} must name faults of mock/faults.ts, not ${value}`);
    }
    return value;
  });
}

const list = (value: string) =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

/** Throws an Error whose message is one usage line when an argument is wrong. */
export function matrixSettingsFrom(args: string[]): MatrixSettings {
  const { values } = parseArgs({
    args,
    options: {
      fault: { type: 'string', multiple: true, default: [] },
      seed: { type: 'string', default: String(defaultSeed) },
      'extra-seeds': { type: 'string' },
      repeat: { type: 'string', default: defaultRepeated.join(',') },
      'num-runs': { type: 'string', default: '10' },
      concurrency: { type: 'string', default: '2' },
      'timeout-s': { type: 'string', default: '240' },
    },
    strict: true,
  });
  const seed = wholeNumber(values.seed, 'seed', 0);
  const extraSeeds =
    values['extra-seeds'] === undefined
      ? [seed + 1, seed + 2]
      : list(values['extra-seeds']).map((s) => wholeNumber(s, 'extra-seeds', 0));
  const chosen = faultIds(values.fault, 'fault');
  const faults = chosen.length > 0 ? chosen : (Object.keys(faultCatalogue) as FaultId[]);
  const repeated = faultIds(list(values.repeat), 'repeat').filter((id) => faults.includes(id));
  return {
    faults,
    seed,
    extraSeeds,
    repeated,
    numRuns: wholeNumber(values['num-runs'], 'num-runs', 1),
    concurrency: wholeNumber(values.concurrency, 'concurrency', 1),
    timeoutMs: wholeNumber(values['timeout-s'], 'timeout-s', 10) * 1000,
  };
}
