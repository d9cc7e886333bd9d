/**
 * The Markdown summary of a run: one row per check with its verdict, for CI pages
 * ($GITHUB_STEP_SUMMARY when set) and for `<reports>/summary.md`.
 *
 * It reads the Allure results (one `*-result.json` per test; the `check` label names the check),
 * so the merge job of a sharded CI run can summarise all shards at once:
 *
 *   npx tsx cli/run-summary.ts <allure-results-dir> [title]
 *
 * Verdicts: a check fails when any of its tests failed or broke, passes when at least one passed
 * and none failed, and is skipped when every test was skipped (the reason is shown).
 */
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

interface AllureResult {
  name?: string;
  status?: string;
  labels?: { name: string; value: string }[];
  statusDetails?: { message?: string };
}

export interface CheckRow {
  check: string;
  verdict: 'failed' | 'passed' | 'skipped';
  passed: number;
  failed: number;
  skipped: number;
  /** The first failure message, or the first skip reason, on one line. */
  note: string;
}

function readResults(resultsDir: string): AllureResult[] {
  if (!existsSync(resultsDir)) return [];
  return readdirSync(resultsDir)
    .filter((file) => file.endsWith('-result.json'))
    .map((file) => JSON.parse(readFileSync(join(resultsDir, file), 'utf8')) as AllureResult);
}

function oneLine(text: string | undefined): string {
  const line = (text ?? '').split('\n').find((l) => l.trim() !== '') ?? '';
  const short = line.length > 140 ? `${line.slice(0, 137)}...` : line;
  return short.replace(/\|/g, '\\|').replace(/`/g, "'");
}

export function checkRows(resultsDir: string): CheckRow[] {
  const rows = new Map<string, CheckRow>();
  for (const result of readResults(resultsDir)) {
    const check =
      result.labels?.find((l) => l.name === 'check')?.value ?? `(no check) ${result.name ?? ''}`;
    const row = rows.get(check) ?? {
      check,
      verdict: 'skipped',
      passed: 0,
      failed: 0,
      skipped: 0,
      note: '',
    };
    const message = oneLine(result.statusDetails?.message);
    if (result.status === 'passed') row.passed += 1;
    else if (result.status === 'skipped') {
      row.skipped += 1;
      if (row.note === '' && row.failed === 0) row.note = message;
    } else {
      if (row.failed === 0) row.note = message;
      row.failed += 1;
    }
    row.verdict = row.failed > 0 ? 'failed' : row.passed > 0 ? 'passed' : 'skipped';
    rows.set(check, row);
  }
  const order = { failed: 0, passed: 1, skipped: 2 };
  return [...rows.values()].sort(
    (a, b) => order[a.verdict] - order[b.verdict] || a.check.localeCompare(b.check),
  );
}

const mark = { failed: '❌ failed', passed: '✅ passed', skipped: '⏭️ skipped' };

/** The summary as Markdown: a title, the given facts as a list, then the table of checks. */
export function summaryMarkdown(title: string, facts: string[], rows: CheckRow[]): string {
  const counts = (verdict: CheckRow['verdict']) => rows.filter((r) => r.verdict === verdict).length;
  const lines = [
    `## ${title}`,
    '',
    ...facts.map((fact) => `- ${fact}`),
    `- checks: ${counts('failed')} failed, ${counts('passed')} passed, ` +
      `${counts('skipped')} skipped`,
    '',
  ];
  if (rows.length === 0) return [...lines, 'No check ran.', ''].join('\n');
  lines.push(
    '| check | verdict | tests (pass / fail / skip) | note |',
    '| --- | --- | --- | --- |',
  );
  for (const row of rows) {
    lines.push(
      `| \`${row.check}\` | ${mark[row.verdict]} ` +
        `| ${row.passed} / ${row.failed} / ${row.skipped} | ${row.note} |`,
    );
  }
  return [...lines, ''].join('\n');
}

/** Writes the summary to `file` and appends it to $GITHUB_STEP_SUMMARY when that is set. */
export function writeSummary(markdown: string, file: string, env = process.env): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, markdown);
  const step = env.GITHUB_STEP_SUMMARY;
  if (step !== undefined && step !== '') appendFileSync(step, `${markdown}\n`);
}

const invokedDirectly =
  process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);

if (invokedDirectly) {
  const [resultsDir = 'reports/allure-results', title = 'Conformance (all shards)'] =
    process.argv.slice(2);
  const rows = checkRows(resultsDir);
  const markdown = summaryMarkdown(title, [`results: \`${resultsDir}\``], rows);
  writeSummary(markdown, join(dirname(resultsDir), 'summary.md'));
  process.stdout.write(markdown);
  process.exitCode = rows.some((r) => r.verdict === 'failed') ? 1 : 0;
}
