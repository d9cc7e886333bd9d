/**
 * Turns one run's Allure results into the HTML report people read, with the `allure` package
 * (Allure 3, no Java; its configuration is allurerc.ts):
 * 1. enrich the results: area and evidence labels, runtime notes, evidence first
 *    (fixtures/report-enrich.ts);
 * 2. attach the check-by-check overview (fixtures/report-overview.ts);
 * 3. generate, appending this run to the history file so trends span runs.
 * The environment panel is written during the run by fixtures/report-global-setup.ts, which is
 * the only place the target's era is known before any check runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import { enrichResults } from '../fixtures/report-enrich.ts';
import { attachOverview, checkOverview, type CheckRow } from '../fixtures/report-overview.ts';
import { reportPaths } from '../fixtures/report-paths.ts';

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

/** What cli/conformance.ts calls: the report's index.html path. */
export function generateAllureReport(resultsDir: string, reportDir: string): string {
  return buildAllureReport(resultsDir, reportDir).index;
}
