/**
 * The report's categories, judged by Allure's own matcher (@allurereport/core-api, the code
 * the Awesome report runs) on real failures: tests/report-check-messages.pw.ts fails the way
 * the checks fail, with their own helpers and evidence, under Playwright and allure-playwright;
 * the results are enriched as a run's are (fixtures/report-enrich.ts, which adds the
 * `httpStatus` label), then each lands in the category a reader expects.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { matchCategory, normalizeCategoriesConfig } from '@allurereport/core-api';

import { reportCategories } from '../fixtures/report-categories.ts';
import { enrichResults, type AllureResult } from '../fixtures/report-enrich.ts';

const rules = normalizeCategoriesConfig({
  rules: reportCategories.map(({ id, name, matchers }) => ({ id, name, matchers })),
});

function categoryOf(
  status: 'failed' | 'broken' | 'passed',
  message: string | undefined,
  labels: Record<string, string> = {},
): string | undefined {
  const data = {
    status,
    message,
    flaky: false,
    labels: Object.entries(labels).map(([name, value]) => ({ name, value })),
  };
  return matchCategory(rules, data)?.name;
}

function categoryOfResult(result: AllureResult): string | undefined {
  const labels = Object.fromEntries(result.labels.map((l) => [l.name, l.value]));
  const status = result.status as 'failed' | 'broken' | 'passed';
  return categoryOf(status, result.statusDetails?.message, labels);
}

let dir: string;
const byName = new Map<string, AllureResult>();

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'report-categories-'));
  const results = join(dir, 'allure-results');
  // A config with no imports, loaded from the temp dir as it is: the reporter by its path.
  const config = join(dir, 'playwright.config.mjs');
  const allurePlaywright = createRequire(import.meta.url).resolve('allure-playwright');
  writeFileSync(
    config,
    `export default ${JSON.stringify({
      testDir: resolve('tests'),
      testMatch: 'report-check-messages.pw.ts',
      outputDir: join(dir, 'test-output'),
      workers: 1,
      reporter: [[allurePlaywright, { resultsDir: results, detail: false, suiteTitle: false }]],
    })};\n`,
  );
  const run = spawnSync('npx', ['playwright', 'test', '--config', config], {
    encoding: 'utf8',
    env: { ...process.env, CI: '' },
  });
  assert.equal(run.status, 1, `every test there fails on purpose:\n${run.stdout}${run.stderr}`);
  for (const result of enrichResults(results)) byName.set(result.name, result);
});
after(() => rmSync(dir, { recursive: true, force: true }));

const categoryOfTest = (name: string) => {
  const result = byName.get(name);
  assert.ok(result, `the run must have a result for ${name}: ${[...byName.keys()].join(', ')}`);
  assert.notEqual(result.status, 'passed', `${name} must fail`);
  return categoryOfResult(result);
};

describe('report categories of real failures', () => {
  it('should label each failure with the status the target answered', () => {
    const status = (name: string) =>
      byName.get(name)?.labels.find((l) => l.name === 'httpStatus')?.value;
    assert.equal(status('lifecycle answered 500'), '500');
    assert.equal(status('duplicate_name answered 401'), '401');
    assert.equal(status('response_schema_conformance deviation'), '201');
  });

  it('should file a 5xx as a server error whichever check and wording met it', () => {
    for (const name of [
      'negative_data_rejection answered 500',
      'lifecycle answered 500',
      'flex_migration answered 502',
    ]) {
      assert.equal(categoryOfTest(name), 'Server error', name);
    }
  });

  it("should file a refusal of the run's credentials as authentication", () => {
    assert.equal(categoryOfTest('duplicate_name answered 401'), 'Authentication');
    assert.equal(categoryOfTest('positive_data_acceptance answered 401'), 'Authentication');
  });

  it('should file drift apart from a deviation', () => {
    assert.equal(
      categoryOfTest('response_schema_conformance drift in strict mode'),
      'Documentation drift',
    );
    assert.equal(categoryOfTest('response_schema_conformance deviation'), 'Contract deviation');
    assert.equal(
      categoryOfTest('negative_data_rejection accepted an invalid name'),
      'Contract deviation',
    );
  });

  it('should file an unreachable target as infrastructure', () => {
    assert.equal(
      categoryOfTest('not_a_server_error on an unreachable target'),
      'Target unavailable or infrastructure',
    );
  });
});

describe('report categories by label', () => {
  it('should file the auth checks as authentication and a passed drift as drift', () => {
    assert.equal(categoryOf('failed', 'anything', { check: 'ignored_auth' }), 'Authentication');
    assert.equal(categoryOf('passed', undefined, { drift: 'warned' }), 'Documentation drift');
  });

  it('should file a timeout as infrastructure first, and leave a pass out', () => {
    assert.equal(
      categoryOf('broken', 'Test timeout of 180000ms exceeded.', { check: 'ignored_auth' }),
      'Target unavailable or infrastructure',
    );
    assert.equal(categoryOf('passed', undefined, { check: 'ignored_auth' }), undefined);
  });

  it('should read no status from the wording of a message', () => {
    const worded = 'lifecycle: must be answered 201, not 500 UNEXPECTED_ERROR';
    assert.equal(categoryOf('failed', worded, { check: 'lifecycle' }), 'Contract deviation');
  });
});
