/**
 * Live runs, end to end, against the mock started as a separate process and addressed by
 * MONGODB_ATLAS_BASE_URL like a live target: preflight verdicts, the creation setting and
 * budget, clean-up, the orphan sweep, and a run killed with SIGKILL whose leftovers the next
 * run deletes.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';

import { AtlasClient } from '../lib/atlas-client.ts';
import {
  demo,
  listInstances,
  liveEnv,
  runCommand,
  startCommand,
  startMockProcess,
  waitFor,
  type MockProcess,
} from './live-harness.ts';

let mock: MockProcess;

before(async () => {
  mock = await startMockProcess(['--transition-ms', '300']);
});
after(async () => mock.stop());

const tagged = async () => (await listInstances(mock.baseUrl)).filter((i) => i.runTag);

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

  it('should leave nothing behind after the next run when killed with SIGKILL', async () => {
    // The clean-up's DELETE hangs, so the run is surely killed while its instance exists.
    await mock.control('/operational-faults', 'POST', {
      kind: 'latency',
      latencyMs: 120_000,
      method: 'DELETE',
    });
    const env = liveEnv(mock.baseUrl, { ATLAS_CONFORMANCE_ALLOW_CREATE: '1' });
    const killed = startCommand('cli/conformance.ts', ['--grep', 'positive_data_acceptance'], env);
    const leaked = await waitFor('a tagged instance', async () => (await tagged())[0]);
    killed.kill();
    const end = await killed.finished;
    assert.equal(end.status, null, 'the run died by the signal');
    await mock.control('/operational-faults', 'DELETE');
    assert.ok(leaked.runTag, 'what the run created carries its tag');
    const leftByKilled = await tagged();
    assert.ok(
      leftByKilled.some((i) => i.name === leaked.name),
      'the killed run left its instance',
    );
    assert.ok(leftByKilled.every((i) => i.runTag === leaked.runTag));

    const next = await runCommand(
      'cli/conformance.ts',
      ['--grep', 'ignored_auth'],
      liveEnv(mock.baseUrl),
    );
    assert.equal(next.status, 0, next.stderr);
    assert.match(next.stdout, new RegExp(`sweep: \\[\\d/\\d\\] deleted ${leaked.name}`));
    const left = (await tagged()).filter((i) => i.stateName !== 'DELETING');
    assert.deepEqual(left, [], 'the next run deleted the leftover');
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

  it('should sweep by hand every tagged instance, protected ones too, nothing else', async () => {
    const path = `/api/atlas/v2/groups/${demo.project.id}/serverless`;
    const owner = { kind: 'digest', ...demo.owner } as const;
    const earlierRun = new AtlasClient(mock.baseUrl, owner, { runTag: 'earlier-run' });
    const someoneElse = new AtlasClient(mock.baseUrl, owner);
    const body = (name: string, terminationProtectionEnabled = false) => ({
      name,
      providerSettings: { backingProviderName: 'AWS', regionName: 'US_EAST_1' },
      terminationProtectionEnabled,
    });
    for (const [client, name, isProtected] of [
      [earlierRun, 'sweepleft1', false],
      [earlierRun, 'sweepleft2', true],
      [someoneElse, 'notours1', false],
    ] as const) {
      const made = await client.send({ method: 'POST', path, body: body(name, isProtected) });
      assert.equal(made.response.status, 201, made.response.text);
    }

    const env = liveEnv(mock.baseUrl);
    const dry = await runCommand('cli/sweep.ts', ['--dry-run'], env);
    assert.equal(dry.status, 0, dry.stderr);
    assert.match(dry.stdout, /would delete sweepleft1 \(earlier-run\)/);
    assert.equal((await tagged()).length, 2, 'a dry run deletes nothing');

    const sweep = await runCommand('cli/sweep.ts', [], env);
    assert.equal(sweep.status, 0, `${sweep.stdout}\n${sweep.stderr}`);
    assert.match(sweep.stdout, /3 instance\(s\) in project .*, 2 tagged by any run/);
    assert.match(sweep.stdout, /sweep: done: 2 deleted, 0 left/);
    const remaining = await listInstances(mock.baseUrl);
    const live = remaining.filter((i) => i.stateName !== 'DELETING').map((i) => i.name);
    assert.deepEqual(live, ['notours1'], 'untagged instances are never swept');
  });
});
