/**
 * The orphan sweep against the mock started as a separate process and addressed by
 * MONGODB_ATLAS_BASE_URL like a live target: a run killed with SIGKILL leaves its tagged
 * instance; a sweep with ATLAS_CONFORMANCE_SWEEP_MIN_AGE spares it while it is younger (on a
 * shared project it may be a run still going), and the next run, by default, deletes it;
 * `npm run sweep` by hand deletes every tagged instance, protected ones too, and nothing
 * untagged.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { AtlasClient } from '../lib/atlas-client.ts';
import {
  demo,
  listInstances,
  taggedInstances,
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

const tagged = () => taggedInstances(mock.baseUrl);

describe('the orphan sweep', { timeout: 300_000 }, () => {
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

    // On a project that several runs share, a young leftover may be a run still going: a sweep
    // with a minimum age spares it, and says so.
    const guarded = liveEnv(mock.baseUrl, { ATLAS_CONFORMANCE_SWEEP_MIN_AGE: '120' });
    const early = await runCommand('cli/sweep.ts', [], guarded);
    assert.equal(early.status, 0, early.stderr);
    assert.match(
      early.stdout,
      new RegExp(`left 1 tagged instance\\(s\\) younger than 120 min.*: ${leaked.name} `),
    );
    assert.ok(
      (await tagged()).some((i) => i.name === leaked.name),
      'a young one is spared',
    );

    // The next run, with the default minimum age (0: one run per project at a time), deletes it.
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
    const guarded = { ...env, ATLAS_CONFORMANCE_SWEEP_MIN_AGE: '120' };
    const spared = await runCommand('cli/sweep.ts', [], guarded);
    assert.equal(spared.status, 0, spared.stderr);
    assert.match(spared.stdout, /left 2 tagged instance\(s\) younger than 120 min/);
    assert.match(spared.stdout, /0 deleted, 0 left, 2 spared/);
    assert.equal((await tagged()).length, 2, 'a sweep spares what is younger than its min age');

    const dry = await runCommand('cli/sweep.ts', ['--dry-run', '--min-age', '0'], env);
    assert.equal(dry.status, 0, dry.stderr);
    assert.match(dry.stdout, /would delete sweepleft1 \(earlier-run\)/);
    assert.equal((await tagged()).length, 2, 'a dry run deletes nothing');

    const sweep = await runCommand('cli/sweep.ts', ['--min-age', '0'], env);
    assert.equal(sweep.status, 0, `${sweep.stdout}\n${sweep.stderr}`);
    assert.match(sweep.stdout, /3 instance\(s\) in project .*, 2 tagged by any run/);
    assert.match(sweep.stdout, /sweep: done: 2 deleted, 0 left, 0 spared/);
    const remaining = await listInstances(mock.baseUrl);
    const live = remaining.filter((i) => i.stateName !== 'DELETING').map((i) => i.name);
    assert.deepEqual(live, ['notours1'], 'untagged instances are never swept');
  });
});
