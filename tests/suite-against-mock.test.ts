/**
 * The suite end to end: green against the correct mock, red (exit 1, with the failing check
 * and its request in the results) against a mock whose validation is switched off.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

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

describe('the suite against the embedded mock', () => {
  it('should pass every check and write the Allure report when the mock is correct', () => {
    const run = conformance({});
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.ok(existsSync('reports/allure-report/index.html'));
    const passed = readdirSync('reports/allure-results')
      .filter((f) => f.endsWith('-result.json'))
      .map(
        (f) =>
          JSON.parse(readFileSync(`reports/allure-results/${f}`, 'utf8')) as { status: string },
      )
      .filter((r) => r.status === 'passed');
    assert.ok(passed.length >= 6, `at least six passing checks, got ${passed.length}`);
  });

  it('should exit 1 and name the failing check and its request when validation is off', () => {
    const run = conformance({ ATLAS_MOCK_FAULTS: 'validation-off' });
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /negative_data_rejection/);
    assert.match(run.stdout, /curl -i --digest/);
  });
});
