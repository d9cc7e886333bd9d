/**
 * The conformance suite's Playwright configuration. `npm run conformance` is the way in: it
 * starts the embedded mock when no target is configured and passes the target to the workers
 * through the environment. Running `npx playwright test` directly needs MONGODB_ATLAS_BASE_URL.
 *
 * Reports go under `reports/` (ATLAS_CONFORMANCE_REPORTS_DIR moves them): Allure results for
 * the HTML report (cli/allure-report.ts), JUnit for CI systems, the list on the terminal.
 */
import { defineConfig } from '@playwright/test';

import { reportPaths } from './fixtures/report-paths.ts';
import { loadEnvFile } from './lib/config.ts';

loadEnvFile();

const workers = Number(process.env.ATLAS_CONFORMANCE_WORKERS ?? 2);
const paths = reportPaths();

export default defineConfig({
  testDir: 'specs',
  outputDir: paths.testOutput,
  forbidOnly: process.env.CI !== undefined,
  retries: 0,
  workers,
  fullyParallel: true,
  timeout: 180_000,
  // States the era and the seed in the report's environment panel before any check runs.
  globalSetup: './fixtures/report-global-setup.ts',
  reporter: [
    ['list'],
    ['junit', { outputFile: paths.junit }],
    [
      'allure-playwright',
      {
        resultsDir: paths.results,
        detail: false,
        suiteTitle: false,
      },
    ],
    // Keeps what tests note while running (observed answers, drift, seeds) for the report.
    ['./fixtures/report-annotations.ts'],
  ],
  use: { trace: 'off', screenshot: 'off', video: 'off' },
});
