/**
 * Turns one run's Allure results into the HTML report people read, with the `allure` package
 * (Allure 3, no Java; its configuration is allurerc.ts):
 * 1. enrich the results: area and evidence labels, runtime notes, evidence first
 *    (fixtures/report-enrich.ts);
 * 2. attach the check-by-check overview (fixtures/report-overview.ts);
 * 3. generate, appending this run to the history file so trends span runs.
 * The environment panel is written during the run by fixtures/report-global-setup.ts, which is
 * the only place the target's era is known before any check runs.
 *
 * Run directly, it merges the results of the shards of one CI run into one report:
 *
 *   npm run report:merge -- <shard-results-dir>...
 *
 * The shards' results are copied into `<reports>/allure-results` (ATLAS_CONFORMANCE_REPORTS_DIR,
 * `reports` by default), the environment panel and the check overview are rebuilt from all of
 * them (fixtures/report-merge.ts), the report is generated with the kept history, and the
 * Markdown summary is written (and appended to $GITHUB_STEP_SUMMARY when set). Exit codes as
 * `npm run conformance` (cli/exit.ts): 0 every check passed, 1 a check failed, 2 nothing to
 * merge or the report could not be generated.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { enrichResults } from '../fixtures/report-enrich.ts';
import { attachOverview, checkOverview, type CheckRow } from '../fixtures/report-overview.ts';
import { MergeRefused, mergeShardResults } from '../fixtures/report-merge.ts';
import { reportPaths } from '../fixtures/report-paths.ts';
import { exitCodes, exitWithUsageError } from './exit.ts';
import { checkRows, summaryMarkdown, writeSummary } from './run-summary.ts';

// The `allure` command itself, run by this Node: going through npx costs most of a second.
const allureCli = join(dirname(createRequire(import.meta.url).resolve('allure')), '..', 'cli.js');

export interface GeneratedReport {
  index: string;
  generated: boolean;
  overview: CheckRow[];
}

/** Prepares the results and generates the report; a failure to generate is a warning only. */
export function buildAllureReport(
  resultsDir = reportPaths().results,
  reportDir = reportPaths().report,
  env: NodeJS.ProcessEnv = process.env,
): GeneratedReport {
  const overview = existsSync(resultsDir) ? checkOverview(enrichResults(resultsDir)) : [];
  if (existsSync(resultsDir)) attachOverview(resultsDir, overview);
  // Allure leaves files it finds in place: an old report's data would outlive its run.
  rmSync(reportDir, { recursive: true, force: true });
  const run = spawnSync(
    process.execPath,
    [allureCli, 'generate', resultsDir, '--output', reportDir],
    { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env },
  );
  const index = `${reportDir}/index.html`;
  const generated = run.status === 0 && existsSync(index);
  if (!generated) {
    process.stderr.write(
      `warning: the Allure report could not be generated: ${run.stderr || run.stdout}\n`,
    );
  }
  return { index, generated, overview };
}

const usage = 'usage: npm run report:merge -- <shard-results-dir>...';

function mergeMain(): number {
  let parsed: { values: { merge?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({ options: { merge: { type: 'boolean' } }, allowPositionals: true });
  } catch (error) {
    exitWithUsageError((error as Error).message, usage);
  }
  if (parsed.values.merge !== true) exitWithUsageError('--merge must be given', usage);
  const paths = reportPaths();
  let shards: string[];
  try {
    shards = mergeShardResults(parsed.positionals, paths.results).shards;
  } catch (error) {
    if (error instanceof MergeRefused) exitWithUsageError(error.message, usage);
    throw error;
  }
  const report = buildAllureReport(paths.results, paths.report);
  const rows = checkRows(paths.results);
  const facts = [`shards merged: ${shards.map((s) => `\`${s}\``).join(', ')}`];
  writeSummary(
    summaryMarkdown('Conformance (all shards)', facts, rows),
    `${paths.root}/summary.md`,
  );
  process.stdout.write(`Summary: ${paths.root}/summary.md\n`);
  if (!report.generated) return exitCodes.couldNotRun;
  process.stdout.write(`Allure report: ${report.index}\n`);
  return rows.some((r) => r.verdict === 'failed') ? exitCodes.checkFailed : exitCodes.conforms;
}

const invokedDirectly =
  process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);

if (invokedDirectly) process.exitCode = mergeMain();
