/**
 * The suite end to end: green against the correct mock, red (exit 1, with the failing check
 * and its request on the terminal and in the Allure results) against a mock whose validation
 * is switched off.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

interface AllureAttachment {
  name: string;
  source: string;
}
interface AllureStep {
  attachments?: AllureAttachment[];
  steps?: AllureStep[];
}
interface AllureResult extends AllureStep {
  name: string;
  status: string;
  labels: { name: string; value: string }[];
}

function conformance(extraEnv: Record<string, string>) {
  return spawnSync('npx', ['tsx', 'cli/conformance.ts'], {
    encoding: 'utf8',
    env: {
      ...process.env,
      MONGODB_ATLAS_BASE_URL: '',
      ATLAS_CONFORMANCE_NUM_RUNS: '10',
      ...extraEnv,
    },
  });
}

function allureResults(dir: string): AllureResult[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('-result.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as AllureResult);
}

/** Every attachment of a result, its steps' included. */
function attachmentsOf(step: AllureStep): AllureAttachment[] {
  return [...(step.attachments ?? []), ...(step.steps ?? []).flatMap(attachmentsOf)];
}

describe('the suite against the embedded mock', () => {
  it('should pass every check and write the Allure report when the mock is correct', () => {
    const run = conformance({});
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.ok(existsSync('reports/allure-report/index.html'));
    const passed = allureResults('reports/allure-results').filter((r) => r.status === 'passed');
    assert.ok(passed.length >= 6, `at least six passing checks, got ${passed.length}`);
  });

  it('should exit 1 and name the failing check and its request when validation is off', () => {
    const reports = mkdtempSync(join(tmpdir(), 'suite-against-mock-'));
    try {
      const run = conformance({
        ATLAS_MOCK_FAULTS: 'validation-off',
        ATLAS_CONFORMANCE_REPORTS_DIR: reports,
      });
      assert.equal(run.status, 1, run.stdout + run.stderr);
      assert.match(run.stdout, /negative_data_rejection/);
      assert.match(run.stdout, /curl -i --digest/);

      // The same evidence in the Allure results: the failed result is labelled with the check
      // and carries the failing request and its curl line as attachments.
      const resultsDir = join(reports, 'allure-results');
      const failed = allureResults(resultsDir).filter(
        (r) =>
          r.status === 'failed' &&
          r.labels.some((l) => l.name === 'check' && l.value === 'negative_data_rejection'),
      );
      assert.ok(failed.length > 0, 'a failed result labelled check=negative_data_rejection');
      const withEvidence = failed.filter((result) => {
        const attached = attachmentsOf(result);
        const curl = attached.find((a) => a.name.endsWith(': curl'));
        const exchange = attached.find((a) => a.name.endsWith(': exchange'));
        if (curl === undefined || exchange === undefined) return false;
        const curlText = readFileSync(join(resultsDir, curl.source), 'utf8');
        const exchangeText = readFileSync(join(resultsDir, exchange.source), 'utf8');
        return (
          /^curl -i --digest .*\/api\/atlas\/v2\/groups\/[a-f0-9]{24}\/serverless/s.test(
            curlText,
          ) && /POST .*\/serverless/.test(exchangeText)
        );
      });
      assert.ok(
        withEvidence.length > 0,
        `a failed negative_data_rejection result must attach its request and curl line; ` +
          `failed: ${failed.map((r) => r.name).join(', ')}`,
      );
    } finally {
      rmSync(reports, { recursive: true, force: true });
    }
  });
});
