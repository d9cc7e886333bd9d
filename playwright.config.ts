/**
 * The conformance suite's Playwright configuration. `npm run conformance` is the way in: it
 * starts the embedded mock when no target is configured and passes the target to the workers
 * through the environment. Running `npx playwright test` directly needs MONGODB_ATLAS_BASE_URL.
 */
import { defineConfig } from '@playwright/test';

import { loadEnvFile } from './lib/config.ts';

loadEnvFile();

const workers = Number(process.env.ATLAS_CONFORMANCE_WORKERS ?? 2);

export default defineConfig({
  testDir: 'specs',
  outputDir: 'reports/test-output',
  forbidOnly: process.env.CI !== undefined,
  retries: 0,
  workers,
  fullyParallel: true,
  timeout: 180_000,
  reporter: [
    ['list'],
    ['junit', { outputFile: 'reports/junit.xml' }],
    [
      'allure-playwright',
      {
        resultsDir: 'reports/allure-results',
        detail: false,
        suiteTitle: false,
      },
    ],
  ],
  use: { trace: 'off', screenshot: 'off', video: 'off' },
});
