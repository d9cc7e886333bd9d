/**
 * Writes the kill matrix as a Markdown table people read and a JSON twin programs read.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

import { goodVerdicts, type Matrix, type MatrixRow } from './matrix.ts';

export const matrixMarkdownFile = 'reports/kill-matrix.md';
export const matrixJsonFile = 'reports/kill-matrix.json';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function runLabel(row: MatrixRow): string {
  const clock = row.clock === undefined ? '' : `, clock ${row.clock.slice(0, 10)}`;
  if (row.kind === 'correct') return `correct mock (seed ${row.seed}${clock})`;
  const repeat = row.kind === 'repeat' ? ' (again, same seed)' : '';
  return `\`${row.fault ?? ''}\`${repeat}${clock}`;
}

function caughtCell(row: MatrixRow): string {
  if (row.caughtBy.length === 0 && row.runErrors.length === 0) return '—';
  const checks = row.caughtBy.map((check) => (check === row.meantToCatch ? `**${check}**` : check));
  const errors = row.runErrors.map((e) => `run error: ${e}`);
  return [...checks, ...errors].join(', ');
}

export function matrixMarkdown(matrix: Matrix): string {
  const { settings, rows } = matrix;
  const faults = rows.filter((r) => r.kind === 'fault');
  const caught = faults.filter((r) => r.verdict === 'caught').length;
  const alarms = rows.filter((r) => r.kind === 'correct' && r.verdict !== 'no alarm').length;
  const lines = [
    '# Kill matrix',
    '',
    `${caught} of ${faults.length} planted faults caught by the check meant to catch them; ` +
      `${alarms} alarm(s) on the correct mock; ${matrix.wallSeconds} s wall time ` +
      `(${settings.concurrency} suite runs at a time, 1 Playwright worker each, ` +
      `${settings.numRuns} property runs, seed ${settings.seed}). ` +
      `Verdict: ${matrix.ok ? 'PASS' : 'FAIL'}.`,
    '',
    '| run | what | check meant to catch it | checks that caught it | time (s) | verdict |',
    '| --- | --- | --- | --- | ---: | --- |',
  ];
  for (const row of rows) {
    lines.push(
      `| ${cell(runLabel(row))} | ${cell(row.what)} | ${row.meantToCatch ?? '—'} | ` +
        `${cell(caughtCell(row))} | ${row.seconds} | ${row.verdict} |`,
    );
  }
  const troubled = rows.filter((row) => !goodVerdicts.has(row.verdict));
  if (troubled.length > 0) {
    lines.push('', '## What went wrong', '');
    for (const row of troubled) {
      lines.push(`- ${runLabel(row)}: ${row.verdict}`);
      for (const test of row.failedTests) {
        lines.push(`  - ${test.title} [${test.checks.join(', ')}]: ${test.firstError}`);
      }
      for (const error of row.runErrors) lines.push(`  - run error: ${error}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function writeMatrix(
  matrix: Matrix,
  markdownFile = matrixMarkdownFile,
  jsonFile = matrixJsonFile,
): void {
  mkdirSync(dirname(markdownFile), { recursive: true });
  writeFileSync(markdownFile, matrixMarkdown(matrix));
  writeFileSync(jsonFile, `${JSON.stringify(matrix, null, 2)}\n`);
}
