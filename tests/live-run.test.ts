/**
 * Live runs, end to end, against the mock started as a separate process and addressed by
 * MONGODB_ATLAS_BASE_URL like a live target: preflight verdicts, the creation setting and
 * budget, clean-up and the opening sweep. The sweep's own rules, and a run killed with SIGKILL,
 * are in tests/live-sweep.test.ts.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';

import {
  taggedInstances,
  liveEnv,
  runCommand,
  startMockProcess,
  startRecordingProxy,
  type Injection,
  type MockProcess,
} from './live-harness.ts';

let mock: MockProcess;

before(async () => {
  mock = await startMockProcess(['--transition-ms', '300']);
});
after(async () => mock.stop());

const tagged = () => taggedInstances(mock.baseUrl);

describe('a live run', { timeout: 300_000 }, () => {
  it('should skip creating checks unless creating is allowed', async () => {
    const env = liveEnv(mock.baseUrl);
    const run = await runCommand('cli/conformance.ts', ['--grep', 'positive_data_acceptance'], env);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /Creating: off/);
    const summary = readFileSync(`${env.ATLAS_CONFORMANCE_REPORTS_DIR}/summary.md`, 'utf8');
    assert.match(
      summary,
      /`positive_data_acceptance` \| ⏭️ skipped .*ATLAS_CONFORMANCE_ALLOW_CREATE/,
    );
    assert.deepEqual(await tagged(), []);
  });

  it('should create nothing at all when creating is off, refusal checks included', async () => {
    // A conformant target may accept some invalid kinds (a non-boolean flag read as false): the
    // checks must not send those to a live target, or each would be a billable creation.
    const added = async () => (await mock.control('/state')) as { instancesAdded: number };
    const before = (await added()).instancesAdded;
    const env = liveEnv(mock.baseUrl, {
      ATLAS_CONFORMANCE_NUM_RUNS: '8',
      ATLAS_CONFORMANCE_SEED: '7',
    });
    const run = await runCommand('cli/conformance.ts', [], env);
    assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
    assert.match(run.stdout, /Creating: off/);
    assert.equal((await added()).instancesAdded - before, 0, 'instances created with creating off');
    const summary = readFileSync(`${env.ATLAS_CONFORMANCE_REPORTS_DIR}/summary.md`, 'utf8');
    assert.match(summary, /`negative_data_rejection` \| .* \| left out on a live target/);
  });

  it('should create within its budget, tag what it creates, and delete it', async () => {
    const env = liveEnv(mock.baseUrl, { ATLAS_CONFORMANCE_ALLOW_CREATE: '1' });
    const run = await runCommand('cli/conformance.ts', ['--grep', 'positive_data_acceptance'], env);
    assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
    assert.match(run.stdout, /Endpoint: deprecated/);
    assert.match(run.stdout, /sweep: .* left by earlier runs/);
    const summary = readFileSync(`${env.ATLAS_CONFORMANCE_REPORTS_DIR}/summary.md`, 'utf8');
    assert.match(summary, /`positive_data_acceptance` \| ✅ passed/);
    assert.deepEqual(await tagged(), [], 'nothing tagged is left after the run');
  });

  it('should give one verdict line and exit 3 when the endpoint is gone', async () => {
    const before = (await mock.control('/state')) as { now: string };
    await mock.control('/clock', 'POST', { at: '2026-03-01T00:00:00Z' });
    try {
      const run = await runCommand('cli/conformance.ts', [], liveEnv(mock.baseUrl));
      assert.equal(run.status, 3, run.stderr);
      const verdicts = run.stdout.split('\n').filter((l) => l.startsWith('Endpoint:'));
      assert.equal(verdicts.length, 1);
      assert.match(verdicts[0] ?? '', /^Endpoint: GONE\. .* answered 410 \(VERSION_GONE\)/);
      assert.doesNotMatch(run.stdout, /Running \d+ tests/, 'no check was started');
    } finally {
      await mock.control('/clock', 'POST', { at: before.now });
    }
  });

  it('should exit 2 with one line when the credentials are refused', async () => {
    const env = liveEnv(mock.baseUrl, { MONGODB_ATLAS_PRIVATE_KEY: 'not-the-right-key' });
    const run = await runCommand('cli/conformance.ts', [], env);
    assert.equal(run.status, 2);
    assert.deepEqual(run.stderr.trim().split('\n'), [
      `error: preflight: ${mock.baseUrl} answered 401 (no errorCode): the credentials were ` +
        'refused (MONGODB_ATLAS_PUBLIC_KEY/_PRIVATE_KEY or MONGODB_ATLAS_CLIENT_ID/_CLIENT_SECRET)',
    ]);
  });
});

describe('a live run that may leave something on the target', { timeout: 300_000 }, () => {
  const grep = ['--grep', 'version_negotiation should answer 406 to no Accept header'];
  const serverError = {
    status: 500,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ error: 500, errorCode: 'UNEXPECTED_ERROR', reason: 'Server Error' }),
  };

  /** Runs the one check through a proxy whose closing listing fails; `failCheck` fails it too. */
  async function runLeavingDoubt(failCheck: boolean) {
    // preflight (POST), opening sweep (GET list), the check (POST), closing sweep (GET list);
    // each may take two requests, a digest challenge first.
    let phase: 'preflight' | 'opening' | 'check' | 'closing' = 'preflight';
    const inject: Injection = ({ method, path }) => {
      const isList = method === 'GET' && /\/serverless\?/.test(path);
      if (isList && phase === 'preflight') phase = 'opening';
      if (method === 'POST' && phase === 'opening') phase = 'check';
      if (isList && phase === 'check') phase = 'closing';
      if (phase === 'closing' || (failCheck && phase === 'check')) return serverError;
      return undefined;
    };
    const proxy = await startRecordingProxy(mock.baseUrl, inject);
    try {
      const env = liveEnv(proxy.baseUrl, { ATLAS_CONFORMANCE_MAX_RETRIES: '0' });
      return await runCommand('cli/conformance.ts', grep, env);
    } finally {
      await proxy.close();
    }
  }

  it('should exit 1 when a check failed, naming what may be left', async () => {
    const run = await runLeavingDoubt(true);
    assert.equal(run.status, 1, `${run.stdout}\n${run.stderr}`);
    assert.match(run.stderr, /^error: left on the target \(run npm run sweep\): /m);
  });

  it('should exit 2 when no check failed but something may be left', async () => {
    const run = await runLeavingDoubt(false);
    assert.equal(run.status, 2, `${run.stdout}\n${run.stderr}`);
    assert.match(run.stderr, /^error: left on the target \(run npm run sweep\): /m);
  });
});
