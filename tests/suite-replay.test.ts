/**
 * A failed property replays alone (issue 5, "Evidence in every failure"): the command its
 * failure prints, run as printed, runs that one property of that one test and finds the same
 * counterexample. The property is the invalid half of a sampled check, the case where one
 * seed used to reach both halves and a --grep of the check reached both tests.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

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
  command: string;
}

const scratch: string[] = [];
after(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** Runs `command` in bash against the embedded mock with the fault planted. */
function run(command: string, env: Record<string, string>) {
  const reports = mkdtempSync(join(tmpdir(), 'suite-replay-'));
  scratch.push(reports);
  const outcome = spawnSync('bash', ['-c', command], {
    encoding: 'utf8',
    env: {
      ...process.env,
      MONGODB_ATLAS_BASE_URL: '',
      ATLAS_MOCK_FAULTS: 'validation-status-422',
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

describe('replaying a failed property', () => {
  it('should run that property alone and find the same counterexample', () => {
    const first = run('npx tsx cli/conformance.ts --grep status_code_conformance', {
      ATLAS_CONFORMANCE_SEED: '20260115',
    });
    assert.equal(first.status, 1, first.stdout + first.stderr);
    assert.equal(first.results.length, 2, 'both halves of the check ran');
    const failed = first.results.filter((r) => r.status === 'failed');
    assert.equal(failed.length, 1, first.stdout);
    const original = replayOf(failed[0] as AllureResult, first.resultsDir);
    assert.match(
      original.command,
      /ATLAS_CONFORMANCE_PROPERTY='[^']+' npm run conformance -- --grep/,
    );
    assert.ok(first.stdout.includes(original.command), 'the terminal prints the replay line');

    // As printed: the line carries its own seed, path and property.
    const replay = run(original.command, {});
    assert.equal(replay.status, 1, replay.stdout + replay.stderr);
    assert.deepEqual(
      replay.results.map((r) => [r.name, r.status]),
      [[failed[0]?.name, 'failed']],
      'the replay runs the failed test alone',
    );
    const again = replayOf(replay.results[0] as AllureResult, replay.resultsDir);
    assert.equal(again.propertyId, original.propertyId);
    assert.equal(again.seed, original.seed);
    assert.deepEqual(again.counterexample, original.counterexample);
  });

  it('should refuse a path that names no property, rather than apply it to every one', () => {
    const refused = run('npx tsx cli/conformance.ts --grep status_code_conformance', {
      ATLAS_CONFORMANCE_SEED: '1',
      ATLAS_CONFORMANCE_PATH: '0:0',
      ATLAS_MOCK_FAULTS: '',
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
