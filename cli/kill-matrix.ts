/**
 * `npm run kill-matrix`: the suite tests itself. It runs the whole suite against the correct
 * embedded mock and against each planted fault of mock/faults.ts alone, prints one line per
 * run as it ends, and writes reports/kill-matrix.md and reports/kill-matrix.json.
 *
 * Exit codes: 0 every fault caught and no alarm on the correct mock, 1 otherwise, 2 bad
 * arguments.
 */
import { exitCodes, exitWithUsageError } from './exit.ts';
import { runMatrix, type MatrixRow } from './kill-matrix/matrix.ts';
import { matrixMarkdownFile, writeMatrix } from './kill-matrix/matrix-report.ts';
import { matrixSettingsFrom, matrixUsage } from './kill-matrix/matrix-settings.ts';

function progressLine(row: MatrixRow, done: number, total: number): string {
  const label = row.fault ?? `correct mock, seed ${row.seed}`;
  const caught = row.caughtBy.length === 0 ? 'nothing failed' : row.caughtBy.join(', ');
  const width = String(total).length;
  const counter = `[${String(done).padStart(width)}/${total}]`;
  return `${counter} ${row.verdict.padEnd(12)} ${label} (${row.seconds} s): ${caught}`;
}

let settings;
try {
  settings = matrixSettingsFrom(process.argv.slice(2));
} catch (error) {
  exitWithUsageError((error as Error).message, matrixUsage);
}
process.stdout.write(
  `Kill matrix: ${settings.faults.length} faults, seed ${settings.seed}, ` +
    `${settings.concurrency} suite runs at a time\n`,
);
const matrix = await runMatrix(settings, (row, done, total) =>
  process.stdout.write(`${progressLine(row, done, total)}\n`),
);
writeMatrix(matrix);
process.stdout.write(
  `${matrix.ok ? 'PASS' : 'FAIL'} in ${matrix.wallSeconds} s; matrix: ${matrixMarkdownFile}\n`,
);
process.exitCode = matrix.ok ? exitCodes.conforms : exitCodes.checkFailed;
