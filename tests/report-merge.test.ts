/**
 * Merging the Allure results of a run's shards into one report (cli/allure-report.ts --merge,
 * fixtures/report-merge.ts), as the CI workflow's report job does: two fake shard result
 * directories, each with its own environment panel (its own seed) and its own check overview
 * under the same fixed file names; the merge must keep every shard's results and seed and
 * rebuild one overview from all of them.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import {
  readEnvironmentProperties,
  writeEnvironmentProperties,
} from '../fixtures/report-environment.ts';
import { mergeEnvironments } from '../fixtures/report-merge.ts';
import { attachOverview, checkOverview } from '../fixtures/report-overview.ts';
import type { AllureResult } from '../fixtures/report-enrich.ts';

let dir: string;
let run: ReturnType<typeof spawnSync>;
const out = () => join(dir, 'merged');

function shard(name: string, seed: string, check: string, status: string): string {
  const results = join(dir, name);
  mkdirSync(results, { recursive: true });
  const result: AllureResult = {
    uuid: `${name}-uuid`,
    name: `${check} in ${name}`,
    fullName: `${check}.spec.ts › ${check} › test`,
    status,
    labels: [{ name: 'check', value: check }],
    steps: [],
    ...(status === 'failed' ? { statusDetails: { message: `${check}: must hold` } } : {}),
  };
  writeFileSync(join(results, `${name}-uuid-result.json`), JSON.stringify(result));
  writeEnvironmentProperties(results, [
    ['Target', 'https://staging.example'],
    ['Seed', `${seed} (drawn for this run)`],
  ]);
  // What the shard's own run attached: only its own checks.
  attachOverview(results, checkOverview([result]));
  return results;
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'report-merge-'));
  const one = shard('allure-results-1', '11', 'ignored_auth', 'passed');
  const two = shard('allure-results-2', '22', 'lifecycle', 'failed');
  run = spawnSync('npx', ['tsx', 'cli/allure-report.ts', '--merge', one, two], {
    encoding: 'utf8',
    env: { ...process.env, ATLAS_CONFORMANCE_REPORTS_DIR: out(), GITHUB_STEP_SUMMARY: '' },
  });
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('merging the results of shards', { timeout: 60_000 }, () => {
  it('should exit 1 when a check of any shard failed, and generate one report', () => {
    assert.equal(run.status, 1, `${String(run.stdout)}\n${String(run.stderr)}`);
    assert.ok(existsSync(join(out(), 'allure-report', 'index.html')));
  });

  it("should keep every shard's results and every shard's seed", () => {
    const results = join(out(), 'allure-results');
    assert.ok(existsSync(join(results, 'allure-results-1-uuid-result.json')));
    assert.ok(existsSync(join(results, 'allure-results-2-uuid-result.json')));
    const panel = Object.fromEntries(
      readEnvironmentProperties(join(results, 'environment.properties')),
    );
    assert.equal(panel.Target, 'https://staging.example');
    assert.equal(
      panel.Seed,
      'allure-results-1: 11 (drawn for this run) · allure-results-2: 22 (drawn for this run)',
    );
    assert.equal(panel.Shards, 'allure-results-1, allure-results-2');
  });

  it('should rebuild the check overview and the summary from all the merged results', () => {
    const csv = readFileSync(
      join(out(), 'allure-results', 'check-overview-attachment.csv'),
      'utf8',
    );
    assert.match(csv, /^ignored_auth,authentication and authorization,passed,/m);
    assert.match(csv, /^lifecycle,state and lifecycle,failed,/m);
    const summary = readFileSync(join(out(), 'summary.md'), 'utf8');
    assert.match(summary, /\| `lifecycle` \| ❌ failed \|/);
    assert.match(summary, /\| `ignored_auth` \| ✅ passed \|/);
  });

  it('should refuse with exit 2 a shard directory that does not exist', () => {
    const missing = spawnSync('npx', ['tsx', 'cli/allure-report.ts', '--merge', join(dir, 'no')], {
      encoding: 'utf8',
      env: { ...process.env, ATLAS_CONFORMANCE_REPORTS_DIR: join(dir, 'other') },
    });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /^error: --merge .*no must be a directory of Allure results$/m);
  });
});

describe('the environment panels of shards', () => {
  it('should read back what was written, escapes included', () => {
    const lines: [string, string][] = [
      ['Property runs', '25'],
      ['Contract source', 'a=b: c\\d\nnext'],
    ];
    writeEnvironmentProperties(dir, lines);
    assert.deepEqual(readEnvironmentProperties(join(dir, 'environment.properties')), lines);
  });

  it('should state once what all shards agree on', () => {
    const panel = mergeEnvironments([
      { shard: 'a', lines: [['Era', 'x']] },
      { shard: 'b', lines: [['Era', 'x']] },
    ]);
    assert.deepEqual(panel, [
      ['Era', 'x'],
      ['Shards', 'a, b'],
    ]);
  });
});
