/**
 * The whole suite against the embedded mock in the eras the default run does not cover: it
 * passes in each, states the era it read from the target, and skips (never passes) the checks
 * that do not apply. The default era (2025-12-15) is tests/suite-against-mock.test.ts's. Past
 * the sunset the runner says that the run goes on against the embedded mock (a live target
 * stops with exit 3: tests/live-run.test.ts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { liveEnv, runCommand } from './live-harness.ts';
import { runSuite } from './suite-runner.ts';

const eras = [
  {
    clock: '2024-06-01',
    era: 'serverless',
    skipped: ['flex_migration › should create a Flex cluster whatever the backup flag says'],
  },
  {
    clock: '2025-06-01',
    era: 'flex',
    skipped: ['sunset › should answer 410 VERSION_GONE to a create past the sunset'],
  },
  {
    clock: '2026-03-01',
    era: 'gone',
    skipped: [
      'positive_data_acceptance › should create any valid instance and echo what was sent',
      'lifecycle › should follow an instance from create through IDLE to deletion',
    ],
  },
];

describe('the suite in every era', () => {
  for (const { clock, era, skipped } of eras) {
    it(`should pass in the ${era} era (clock ${clock}) and skip what does not apply`, async () => {
      const outcome = await runSuite([], { clock, numRuns: 5 });
      const failed = [...outcome.tests].filter(([, status]) => status === 'failed');
      assert.deepEqual(failed, [], outcome.output.slice(-4000));
      assert.equal(outcome.exitCode, 0, outcome.output.slice(-2000));
      assert.equal((JSON.parse(outcome.eraFile) as { era: string }).era, era);
      for (const title of skipped) assert.equal(outcome.tests.get(title), 'skipped', title);
    });
  }

  it('should answer 410 past the sunset, the one check that needs that era', async () => {
    const outcome = await runSuite(['specs/sunset.spec.ts'], { clock: '2026-03-01' });
    const title = 'sunset › should answer 410 VERSION_GONE to a create past the sunset';
    assert.equal(outcome.tests.get(title), 'passed', outcome.output.slice(-2000));
  });
});

describe('npm run conformance on the embedded mock past the sunset', { timeout: 120_000 }, () => {
  it('should say that the checks go on against the gone era of the mock', async () => {
    const env = liveEnv('', { ATLAS_MOCK_CLOCK: '2026-03-01' });
    delete env.MONGODB_ATLAS_BASE_URL;
    const run = await runCommand('cli/conformance.ts', ['--grep', 'sunset'], env);
    assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
    const verdicts = run.stdout.split('\n').filter((line) => line.startsWith('Endpoint:'));
    assert.equal(verdicts.length, 1, run.stdout);
    assert.match(
      verdicts[0] ?? '',
      new RegExp(
        String.raw`^Endpoint: GONE\. .* answered 410 \(VERSION_GONE\) to a ` +
          String.raw`create .*: the embedded mock's clock is past the sunset, so ` +
          String.raw`the suite goes on to check the mock's gone-era answers; ` +
          String.raw`.*\(a live target would end here, exit 3\)\.$`,
      ),
    );
    assert.doesNotMatch(run.stdout, /nothing can be created or checked/);
    assert.match(run.stdout, /Running \d+ tests?/, 'the checks ran');
  });
});
