/**
 * Turns Allure results into the HTML report with the `allure` package (Allure 3, no Java).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function generateAllureReport(resultsDir: string, reportDir: string): string {
  const run = spawnSync('npx', ['allure', 'generate', resultsDir, '--output', reportDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  const index = `${reportDir}/index.html`;
  if (run.status !== 0 || !existsSync(index)) {
    process.stderr.write(
      `warning: the Allure report could not be generated: ${run.stderr || run.stdout}\n`,
    );
  }
  return index;
}
