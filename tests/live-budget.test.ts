/**
 * The creation budget (fixtures/create-budget.ts): unbounded on the embedded mock; on any other
 * target off until allowed, refused without a run tag, and shared by every worker of a run
 * through the run directory, here by several processes taking at once.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

import { createBudgetFor } from '../fixtures/create-budget.ts';
import { resolveTarget } from '../fixtures/target.ts';

const liveEnv = {
  MONGODB_ATLAS_BASE_URL: 'https://staging.example.com',
  MONGODB_ATLAS_PROJECT_ID: '6650a1b2c3d4e5f6a7b8c9d0',
  MONGODB_ATLAS_PUBLIC_KEY: 'pub',
  MONGODB_ATLAS_PRIVATE_KEY: 'private-key-value',
};
const runDir = mkdtempSync(join(tmpdir(), 'budget-test-'));
after(() => rmSync(runDir, { recursive: true, force: true }));

describe('the creation budget', () => {
  it('should grant anything on the embedded mock', () => {
    const env = { ...liveEnv, ATLAS_CONFORMANCE_TARGET_IS_MOCK: '1' };
    assert.deepEqual(createBudgetFor(resolveTarget(env), env).take(500), { granted: 500 });
  });

  it('should refuse creating on a live target until ATLAS_CONFORMANCE_ALLOW_CREATE=1', () => {
    const grant = createBudgetFor(resolveTarget(liveEnv), liveEnv).take(1);
    assert.equal(grant.granted, 0);
    assert.match(grant.reason ?? '', /ATLAS_CONFORMANCE_ALLOW_CREATE=1/);
  });

  it('should refuse creating without a run tag, which the sweep needs', () => {
    const env = { ...liveEnv, ATLAS_CONFORMANCE_ALLOW_CREATE: '1' };
    const grant = createBudgetFor(resolveTarget(env), env).take(1);
    assert.equal(grant.granted, 0);
    assert.match(grant.reason ?? '', /run tag/);
  });

  it('should share the budget between processes taking at the same time', async () => {
    const env = {
      ...process.env,
      ...liveEnv,
      ATLAS_CONFORMANCE_ALLOW_CREATE: '1',
      ATLAS_CONFORMANCE_CREATE_BUDGET: '3',
      ATLAS_CONFORMANCE_RUN_TAG: 'budget-test',
      ATLAS_CONFORMANCE_RUN_DIR: runDir,
    };
    const script =
      "import { createBudgetFor } from './fixtures/create-budget.ts';" +
      "import { resolveTarget } from './fixtures/target.ts';" +
      'const b = createBudgetFor(resolveTarget());' +
      'process.stdout.write(String(b.take(1).granted + b.take(1).granted));';
    const children = Array.from({ length: 4 }, () =>
      spawn('npx', ['tsx', '--eval', script], { env, stdio: ['ignore', 'pipe', 'inherit'] }),
    );
    const granted = await Promise.all(
      children.map(async (child) => {
        let out = '';
        child.stdout.on('data', (chunk) => (out += chunk));
        await once(child, 'exit');
        return Number(out);
      }),
    );
    assert.equal(
      granted.reduce((a, b) => a + b, 0),
      3,
      `4 processes asked 2 each of a budget of 3: ${granted}`,
    );
    assert.deepEqual(readdirSync(runDir).sort(), ['creation-1', 'creation-2', 'creation-3']);
  });
});
