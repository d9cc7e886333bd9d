/**
 * Configuration is checked before any request: every missing or malformed value is one line
 * naming the variable and its rule, and `npm run conformance` exits 2 (lib/config.ts,
 * lib/live-settings.ts). The production host needs its own name as confirmation.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { ConfigError, loadEnvFile, readConfig } from '../lib/config.ts';

const live = {
  MONGODB_ATLAS_BASE_URL: 'https://staging.example.com',
  MONGODB_ATLAS_PROJECT_ID: '6650a1b2c3d4e5f6a7b8c9d0',
  MONGODB_ATLAS_PUBLIC_KEY: 'pub',
  MONGODB_ATLAS_PRIVATE_KEY: 'private-key-value',
};

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    readConfig(env);
    return [];
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems;
  }
}

describe('configuration', () => {
  it('should accept a complete live configuration with safe defaults', () => {
    const config = readConfig(live);
    assert.equal(config.live.allowCreate, false);
    assert.equal(config.live.createBudget, 1);
    assert.equal(config.live.readOnlyKey, undefined);
    assert.equal(config.live.sweepMinAgeMinutes, 0);
    assert.equal(
      readConfig({ ...live, ATLAS_CONFORMANCE_SWEEP_MIN_AGE: '120' }).live.sweepMinAgeMinutes,
      120,
    );
  });

  it('should name every missing value of a live target, one line each', () => {
    const problems = problemsOf({ MONGODB_ATLAS_BASE_URL: 'https://staging.example.com' });
    assert.deepEqual(problems, [
      'MONGODB_ATLAS_PROJECT_ID must be set for a live target',
      'MONGODB_ATLAS_PUBLIC_KEY and MONGODB_ATLAS_PRIVATE_KEY must be set for digest auth',
    ]);
  });

  it('should name every malformed value with its rule', () => {
    const problems = problemsOf({
      ...live,
      ATLAS_CONFORMANCE_ALLOW_CREATE: 'yes',
      ATLAS_CONFORMANCE_CREATE_BUDGET: '-1',
      ATLAS_CONFORMANCE_RUN_TAG: 'has space',
      ATLAS_CONFORMANCE_REQUESTS_PER_SECOND: 'fast',
      ATLAS_CONFORMANCE_MAX_RETRIES: '99',
      ATLAS_CONFORMANCE_SWEEP_MIN_AGE: '2h',
      ATLAS_CONFORMANCE_READONLY_PUBLIC_KEY: 'reader',
      ATLAS_CONFORMANCE_UNPAID_PROJECT_ID: 'XYZ',
    });
    assert.deepEqual(problems, [
      'ATLAS_CONFORMANCE_ALLOW_CREATE must be 0 or 1',
      'ATLAS_CONFORMANCE_CREATE_BUDGET must be a whole number from 0 to 1000',
      'ATLAS_CONFORMANCE_RUN_TAG must be 1 to 64 letters, digits, dots, - or _',
      'ATLAS_CONFORMANCE_UNPAID_PROJECT_ID must be 24 lower-case hexadecimal digits',
      'ATLAS_CONFORMANCE_REQUESTS_PER_SECOND must be a whole number from 0 to 10000',
      'ATLAS_CONFORMANCE_MAX_RETRIES must be a whole number from 0 to 10',
      'ATLAS_CONFORMANCE_SWEEP_MIN_AGE must be a whole number from 0 to 10080',
      'ATLAS_CONFORMANCE_READONLY_PUBLIC_KEY and ATLAS_CONFORMANCE_READONLY_PRIVATE_KEY ' +
        'must be set together',
    ]);
  });

  it('should check the run settings that only the runner and the workers read', () => {
    const problems = problemsOf({
      ...live,
      ATLAS_CONFORMANCE_WORKERS: 'abc',
      ATLAS_CONFORMANCE_ENVELOPE_STATUS: 'bogus',
      ATLAS_CONFORMANCE_PATH: '0:x',
    });
    assert.deepEqual(problems, [
      'ATLAS_CONFORMANCE_WORKERS must be a whole number from 1 to 99',
      'ATLAS_CONFORMANCE_ENVELOPE_STATUS must be same, 200 or either',
      'ATLAS_CONFORMANCE_PATH must come with ATLAS_CONFORMANCE_PROPERTY (copy the whole replay ' +
        'line of the failure)',
      'ATLAS_CONFORMANCE_PATH must be a fast-check path such as 3:0:1',
    ]);
    assert.deepEqual(problemsOf({ ...live, ATLAS_CONFORMANCE_WORKERS: '0' }), [
      'ATLAS_CONFORMANCE_WORKERS must be a whole number from 1 to 99',
    ]);
  });

  it('should read the optional fixtures that enable the authorization checks', () => {
    const config = readConfig({
      ...live,
      ATLAS_CONFORMANCE_READONLY_PUBLIC_KEY: 'reader',
      ATLAS_CONFORMANCE_READONLY_PRIVATE_KEY: 'reader-secret',
      ATLAS_CONFORMANCE_UNPAID_PROJECT_ID: '6650a1b2c3d4e5f6a7b8c9d1',
    });
    assert.deepEqual(config.live.readOnlyKey, { publicKey: 'reader', privateKey: 'reader-secret' });
    assert.equal(config.live.unpaidProjectId, '6650a1b2c3d4e5f6a7b8c9d1');
    assert.equal(config.live.fencedKey, undefined);
  });

  it('should refuse the production host without its confirmation', () => {
    const production = { ...live, MONGODB_ATLAS_BASE_URL: 'https://cloud.mongodb.com' };
    assert.deepEqual(problemsOf({ ...production, ATLAS_CONFORMANCE_CONFIRM_PRODUCTION: '1' }), [
      'ATLAS_CONFORMANCE_CONFIRM_PRODUCTION must be cloud.mongodb.com to run against ' +
        'production (every creation there is billed)',
    ]);
    const confirmed = {
      ...production,
      ATLAS_CONFORMANCE_CONFIRM_PRODUCTION: 'cloud.mongodb.com',
    };
    assert.deepEqual(problemsOf(confirmed), []);
  });
});

/** `npm run conformance` with only the given settings (no .env file is read). */
function conformance(args: string[], settings: Record<string, string>) {
  return command('cli/conformance.ts', args, settings);
}

/** A command of the suite with only the given settings (no .env file is read unless named). */
function command(script: string, args: string[], settings: Record<string, string>) {
  return spawnSync('npx', ['tsx', script, ...args], {
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ATLAS_CONFORMANCE_ENV_FILE: '/dev/null',
      ...settings,
    },
  });
}

describe('npm run conformance with a bad configuration', () => {
  it('should exit 2 with one line per problem before sending anything', () => {
    // The base URL is a port nothing listens on: a request would fail differently.
    const run = conformance([], {
      MONGODB_ATLAS_BASE_URL: 'https://cloud.mongodb.com',
      MONGODB_ATLAS_PROJECT_ID: 'nothex',
      MONGODB_ATLAS_PUBLIC_KEY: 'only-half',
    });
    assert.equal(run.status, 2, run.stderr);
    const lines = run.stderr.trim().split('\n');
    assert.deepEqual(lines, [
      'error: MONGODB_ATLAS_PROJECT_ID must be 24 lower-case hexadecimal digits',
      'error: MONGODB_ATLAS_PUBLIC_KEY and MONGODB_ATLAS_PRIVATE_KEY must be set together',
      'error: ATLAS_CONFORMANCE_CONFIRM_PRODUCTION must be cloud.mongodb.com to run against ' +
        'production (every creation there is billed)',
    ]);
    assert.equal(run.stdout.trim(), '', 'nothing else is printed, nothing is started');
  });

  it('should exit 2, never 0, when no check ran', () => {
    const run = conformance(['--grep', 'no check is called this'], {
      ATLAS_CONFORMANCE_REPORTS_DIR: mkdtempSync(join(tmpdir(), 'no-check-')),
    });
    assert.equal(run.status, 2, `${run.stdout}\n${run.stderr}`);
    assert.match(run.stderr, /error: no check ran/);
  });

  it("should name a target's values that the embedded mock replaces, never print them", () => {
    const run = conformance(['--grep', 'sunset'], {
      ATLAS_CONFORMANCE_REPORTS_DIR: mkdtempSync(join(tmpdir(), 'replaced-')),
      MONGODB_ATLAS_PUBLIC_KEY: 'my-own-key',
      MONGODB_ATLAS_PRIVATE_KEY: 'my-own-secret-4711',
    });
    assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
    const names = 'MONGODB_ATLAS_PUBLIC_KEY, MONGODB_ATLAS_PRIVATE_KEY';
    assert.ok(run.stdout.includes(`note: ${names} set but MONGODB_ATLAS_BASE_URL is not`));
    assert.doesNotMatch(run.stdout + run.stderr, /my-own-secret-4711/);
  });

  it('should exit 2 with one line when a setting of the embedded mock breaks its rule', () => {
    const run = conformance([], { ATLAS_MOCK_CLOCK: 'yesterday' });
    assert.equal(run.status, 2, run.stderr);
    assert.equal(
      run.stderr.trim(),
      'error: ATLAS_MOCK_CLOCK must be an ISO date such as 2025-06-01, not yesterday',
    );
  });
});

describe('an env file that exists but cannot be read', () => {
  const directory = mkdtempSync(join(tmpdir(), 'env-dir-'));

  for (const script of ['cli/conformance.ts', 'cli/sweep.ts']) {
    it(`should stop ${script} with exit 2 and one line when it is a directory`, () => {
      const run = command(script, [], { ATLAS_CONFORMANCE_ENV_FILE: directory });
      assert.equal(run.status, 2, `${run.stdout}\n${run.stderr}`);
      assert.equal(
        run.stderr.trim(),
        `error: ATLAS_CONFORMANCE_ENV_FILE must name a readable file: ${directory} ` +
          '(it is a directory)',
      );
    });
  }

  it('should name the default .env as a file that must be readable', () => {
    assert.throws(
      () => loadEnvFile(directory),
      (error: unknown) =>
        error instanceof ConfigError &&
        error.problems.join() === `${directory} must be a readable file (it is a directory)`,
    );
  });

  it(
    'should say permission denied for a file it may not read',
    { skip: process.getuid?.() === 0 && 'root reads every file: no EACCES to provoke' },
    () => {
      const file = join(directory, 'unreadable.env');
      writeFileSync(file, 'A=1\n');
      chmodSync(file, 0o000);
      assert.throws(
        () => loadEnvFile(file),
        (error: unknown) =>
          error instanceof ConfigError &&
          error.problems.join() === `${file} must be a readable file (permission denied)`,
      );
    },
  );
});
