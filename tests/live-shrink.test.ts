/**
 * Against a live target, shrinking a failure sends few candidates (fixtures/property.ts,
 * liveShrinkBudget): a target that wrongly accepts invalid creates makes a billable instance
 * for every candidate it accepts. Here the mock, started as a separate process and addressed as
 * a live target, accepts tags of any length (the tag-length-unchecked fault), and one property of
 * negative_data_rejection fails and shrinks.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { liveShrinkBudget } from '../fixtures/property.ts';
import { liveEnv, runCommand, startMockProcess, type MockProcess } from './live-harness.ts';

let mock: MockProcess;
before(async () => {
  mock = await startMockProcess(['--transition-ms', '300', '--fault', 'tag-length-unchecked']);
});
after(async () => mock.stop());

const instancesAdded = async () =>
  ((await mock.control('/state')) as { instancesAdded: number }).instancesAdded;

describe('shrinking against a live target', { timeout: 300_000 }, () => {
  it('should send at most the live shrink budget of candidates after the failure', async () => {
    const before = await instancesAdded();
    const env = liveEnv(mock.baseUrl, {
      ATLAS_CONFORMANCE_NUM_RUNS: '20',
      ATLAS_CONFORMANCE_SEED: '3',
    });
    const grep = 'negative_data_rejection should refuse every request of the kind tag-invalid$';
    const run = await runCommand('cli/conformance.ts', ['--grep', grep], env);
    assert.equal(run.status, 1, `the wrongly accepted names must fail: ${run.stdout}${run.stderr}`);
    const created = (await instancesAdded()) - before;
    // The first failure, the shrink candidates, and the counterexample run once more to record it.
    assert.ok(created >= 1, 'the fault must have let a create through');
    assert.ok(
      created <= 1 + liveShrinkBudget + 1,
      `${created} instances created: more than the live shrink budget allows`,
    );
  });
});
