/**
 * The kill matrix: the suite against the correct mock (in every era a fault needs, and with
 * several seeds) and against each planted fault alone, a few runs at a time.
 *
 * Verdicts:
 * - a correct-mock run passes when no test fails (an alarm otherwise);
 * - a fault is caught when the check named in its catalogue entry failed; any other check that
 *   failed is listed beside it; a fault whose check did not fail has escaped;
 * - a repeated run (same fault, same seed) must catch exactly the same checks as the first.
 */
import { faultEntry, type FaultId } from '../../mock/faults.ts';
import { caughtChecks } from './failed-checks.ts';
import { runSuite, type SuiteRun } from './suite-run.ts';

export interface MatrixSettings {
  faults: FaultId[];
  seed: number;
  /** Seeds of the extra correct-mock runs (the first run uses `seed`). */
  extraSeeds: number[];
  /** Faults run a second time with the same seed, to show the verdict is the same. */
  repeated: FaultId[];
  numRuns: number;
  concurrency: number;
  timeoutMs: number;
}

export type RowKind = 'correct' | 'fault' | 'repeat';

export interface MatrixRow {
  kind: RowKind;
  fault: FaultId | undefined;
  what: string;
  clock: string | undefined;
  seed: number;
  /** The check meant to catch the fault (none for the correct mock). */
  meantToCatch: string | undefined;
  caughtBy: string[];
  failedTests: { title: string; checks: string[]; firstError: string }[];
  runErrors: string[];
  passed: number;
  skipped: number;
  seconds: number;
  verdict: 'no alarm' | 'ALARM' | 'caught' | 'ESCAPED' | 'same verdict' | 'VERDICT CHANGED';
}

export interface Matrix {
  settings: MatrixSettings;
  rows: MatrixRow[];
  wallSeconds: number;
  ok: boolean;
}

interface Job {
  kind: RowKind;
  fault: FaultId | undefined;
  clock: string | undefined;
  seed: number;
}

function plan(settings: MatrixSettings): Job[] {
  const clocks = new Set<string | undefined>([undefined]);
  for (const id of settings.faults) clocks.add(faultEntry(id).clock);
  const jobs: Job[] = settings.faults.map((fault) => ({
    kind: 'fault',
    fault,
    clock: faultEntry(fault).clock,
    seed: settings.seed,
  }));
  for (const clock of clocks) {
    jobs.push({ kind: 'correct', fault: undefined, clock, seed: settings.seed });
  }
  for (const seed of settings.extraSeeds) {
    jobs.push({ kind: 'correct', fault: undefined, clock: undefined, seed });
  }
  for (const fault of settings.repeated) {
    const clock = faultEntry(fault).clock;
    jobs.push({ kind: 'repeat', fault, clock, seed: settings.seed });
  }
  return jobs;
}

/** What must not change between two runs with one seed: which tests failed, on which checks. */
function verdictKey(run: SuiteRun): string {
  const failed = run.failed.map((test) => `${test.title} [${test.checks.join(',')}]`).sort();
  return JSON.stringify({ failed, runErrors: run.runErrors.length });
}

function rowOf(job: Job, run: SuiteRun, firstVerdicts: Map<FaultId, string>): MatrixRow {
  const caught = caughtChecks(run);
  const meant = job.fault === undefined ? undefined : faultEntry(job.fault).caughtBy;
  let verdict: MatrixRow['verdict'];
  if (job.kind === 'correct') {
    verdict = run.failed.length === 0 && run.runErrors.length === 0 ? 'no alarm' : 'ALARM';
  } else if (job.kind === 'fault') {
    verdict =
      meant !== undefined && caught.includes(meant) && run.runErrors.length === 0
        ? 'caught'
        : 'ESCAPED';
  } else {
    const first = job.fault === undefined ? undefined : firstVerdicts.get(job.fault);
    verdict = first === verdictKey(run) ? 'same verdict' : 'VERDICT CHANGED';
  }
  return {
    kind: job.kind,
    fault: job.fault,
    what: job.fault === undefined ? 'the correct mock' : faultEntry(job.fault).what,
    clock: job.clock,
    seed: job.seed,
    meantToCatch: meant,
    caughtBy: caught,
    failedTests: run.failed,
    runErrors: run.runErrors,
    passed: run.passed,
    skipped: run.skipped,
    seconds: Math.round(run.durationMs / 100) / 10,
    verdict,
  };
}

export const goodVerdicts: ReadonlySet<MatrixRow['verdict']> = new Set([
  'no alarm',
  'caught',
  'same verdict',
]);

/** Runs every job, `concurrency` at a time; `progress` hears of each row as it is done. */
export async function runMatrix(
  settings: MatrixSettings,
  progress: (row: MatrixRow, done: number, total: number) => void = () => {},
): Promise<Matrix> {
  const started = performance.now();
  const jobs = plan(settings);
  // Repeats compare with their first run, so they run after every fault's first run ended.
  const firstRuns = jobs.filter((job) => job.kind !== 'repeat');
  const repeats = jobs.filter((job) => job.kind === 'repeat');
  const firstVerdicts = new Map<FaultId, string>();
  const rows: MatrixRow[] = [];

  const runAll = async (batch: Job[]) => {
    let next = 0;
    const worker = async () => {
      while (next < batch.length) {
        const job = batch[next++] as Job;
        const run = await runSuite({
          faults: job.fault === undefined ? [] : [job.fault],
          clock: job.clock,
          seed: job.seed,
          numRuns: settings.numRuns,
          timeoutMs: settings.timeoutMs,
        });
        const row = rowOf(job, run, firstVerdicts);
        if (job.kind === 'fault' && job.fault !== undefined) {
          firstVerdicts.set(job.fault, verdictKey(run));
        }
        rows.push(row);
        progress(row, rows.length, jobs.length);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, settings.concurrency) }, worker));
  };
  await runAll(firstRuns);
  await runAll(repeats);

  const order = (row: MatrixRow) =>
    jobs.findIndex(
      (j) =>
        j.fault === row.fault &&
        j.kind === row.kind &&
        j.seed === row.seed &&
        j.clock === row.clock,
    );
  rows.sort((a, b) => order(a) - order(b));
  return {
    settings,
    rows,
    wallSeconds: Math.round((performance.now() - started) / 100) / 10,
    ok: rows.every((row) => goodVerdicts.has(row.verdict)),
  };
}
