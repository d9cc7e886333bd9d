/**
 * A failed property replays alone (issue 5, "Evidence in every failure"): the command its
 * failure prints, run as printed, runs that one property of that one test and finds the same
 * counterexample. The property is the invalid half of a sampled check, the case where one
 * seed used to reach both halves and a --grep of the check reached both tests.
 *
 * The line is run as a user pastes it, in a shell that has none of the first run's settings: the
 * fault planted in the embedded mock must come with the line (a replay against a correct mock
 * passes), and nothing else of the environment may, least of all a MONGODB_ATLAS_* credential.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

import { demoFixtures, loadWorld } from '../fixtures/world.ts';

interface AllureAttachment {
  name: string;
  source: string;
}
interface AllureStep {
  attachments?: AllureAttachment[];
  steps?: AllureStep[];
}
interface AllureResult extends AllureStep {
  name: string;
  status: string;
}
interface Replay {
  propertyId: string;
  seed: number;
  path: string;
  counterexample: unknown;
  replayWith: string;
  command: string;
}

const scratch: string[] = [];
after(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** This shell's environment without the settings of a run: no mock setting, no replay. */
function freshShell(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (/^(ATLAS_MOCK_|ATLAS_CONFORMANCE_|MONGODB_ATLAS_)/.test(name)) delete env[name];
  }
  return env;
}

/** Runs `command` in bash against the embedded mock, with only the given settings. */
function run(command: string, env: Record<string, string>) {
  const reports = mkdtempSync(join(tmpdir(), 'suite-replay-'));
  scratch.push(reports);
  const outcome = spawnSync('bash', ['-c', command], {
    encoding: 'utf8',
    env: {
      ...freshShell(),
      ATLAS_CONFORMANCE_ENV_FILE: '/dev/null',
      ATLAS_CONFORMANCE_NUM_RUNS: '10',
      ATLAS_CONFORMANCE_REPORTS_DIR: reports,
      ...env,
    },
  });
  const resultsDir = join(reports, 'allure-results');
  // A run refused before Playwright starts writes no results.
  const results = (existsSync(resultsDir) ? readdirSync(resultsDir) : [])
    .filter((f) => f.endsWith('-result.json'))
    .map((f) => JSON.parse(readFileSync(join(resultsDir, f), 'utf8')) as AllureResult);
  return { ...outcome, results, resultsDir };
}

function attachmentsOf(step: AllureStep): AllureAttachment[] {
  return [...(step.attachments ?? []), ...(step.steps ?? []).flatMap(attachmentsOf)];
}

function replayOf(result: AllureResult, resultsDir: string): Replay {
  const attachment = attachmentsOf(result).find((a) => a.name === 'fast-check replay');
  assert.ok(attachment !== undefined, `${result.name} must attach its fast-check replay`);
  return JSON.parse(readFileSync(join(resultsDir, attachment.source), 'utf8')) as Replay;
}

/** The demo credentials the embedded mock hands the run: none may be in a replay line. */
const demo = demoFixtures(loadWorld());
const credentials = [
  demo.owner.publicKey,
  demo.owner.privateKey,
  demo.serviceAccount.clientId,
  demo.serviceAccount.clientSecret,
];

interface AllureResultWithDetails extends AllureResult {
  description?: string;
  statusDetails?: { message?: string };
}

describe('replaying a failed property', () => {
  it('should run that property alone against the same mock and meet its counterexample', () => {
    const first = run('npx tsx cli/conformance.ts --grep status_code_conformance', {
      ATLAS_CONFORMANCE_SEED: '20260115',
      ATLAS_MOCK_FAULTS: 'validation-status-422',
      // A choice the mock reads (its default: nothing changes) and a name it does not read.
      ATLAS_MOCK_NON_BOOLEAN_FLAG: 'ignore',
      ATLAS_MOCK_NOT_A_SETTING: 'not-for-the-line',
    });
    assert.equal(first.status, 1, first.stdout + first.stderr);
    assert.equal(first.results.length, 2, 'both halves of the check ran');
    const failed = first.results.filter((r) => r.status === 'failed');
    assert.equal(failed.length, 1, first.stdout);
    const result = failed[0] as AllureResultWithDetails;
    const original = replayOf(result, first.resultsDir);
    const { command } = original;

    // The mock's settings (those set, in the order the mock reads them), the seed, the path.
    assert.equal(original.seed, 20260115);
    const settings =
      `ATLAS_MOCK_FAULTS='validation-status-422' ATLAS_MOCK_NON_BOOLEAN_FLAG='ignore' ` +
      `ATLAS_CONFORMANCE_SEED=${original.seed} ATLAS_CONFORMANCE_PATH=${original.path} `;
    assert.ok(command.startsWith(settings), command);
    assert.match(command, /ATLAS_CONFORMANCE_PROPERTY='[^']+' npm run conformance -- --grep/);
    assert.ok(original.replayWith.startsWith(settings), original.replayWith);
    assert.doesNotMatch(command, /MONGODB_ATLAS_|ATLAS_MOCK_NOT_A_SETTING|not-for-the-line/);
    for (const credential of credentials) assert.ok(!command.includes(credential), command);

    // The same line wherever a reader meets it: the terminal, the error, the report's evidence.
    assert.ok(first.stdout.includes(`replay: ${command}`), 'the terminal prints the replay line');
    assert.ok(result.statusDetails?.message?.includes(`replay: ${command}`), 'the error has it');
    assert.ok(result.description?.includes(command), 'the report opens on it');

    // As printed, in a shell without the first run's settings: the line brings the fault.
    const replay = run(command, {});
    assert.equal(replay.status, 1, replay.stdout + replay.stderr);
    assert.deepEqual(
      replay.results.map((r) => [r.name, r.status]),
      [[result.name, 'failed']],
      'the replay runs the failed test alone, and it fails again',
    );
    const again = replayOf(replay.results[0] as AllureResult, replay.resultsDir);
    assert.equal(again.propertyId, original.propertyId);
    assert.equal(again.seed, original.seed);
    assert.deepEqual(again.counterexample, original.counterexample);
    assert.equal(again.command, command, 'the replay prints the same line again');
  });

  it('should refuse a path that names no property, rather than apply it to every one', () => {
    const refused = run('npx tsx cli/conformance.ts --grep status_code_conformance', {
      ATLAS_CONFORMANCE_SEED: '1',
      ATLAS_CONFORMANCE_PATH: '0:0',
    });
    // Refused with the configuration, before any request: one line, exit 2, no check run.
    assert.equal(refused.status, 2, `${refused.stdout}\n${refused.stderr}`);
    assert.match(
      refused.stderr,
      /^error: ATLAS_CONFORMANCE_PATH must come with ATLAS_CONFORMANCE_PROPERTY/m,
    );
    assert.deepEqual(refused.results, [], 'no check ran');
  });
});
