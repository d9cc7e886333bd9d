/**
 * The mock's clock is read by one parser wherever a date is given (`--clock`, ATLAS_MOCK_CLOCK,
 * `POST /__mock/clock`): an ISO date whose day exists. A day that does not (2025-02-30) is
 * refused the way any other bad value is, instead of rolling over into the next month.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, describe, it } from 'node:test';

import { embeddedMockOptionsFromEnv } from '../cli/embedded-mock-env.ts';
import { ConfigError } from '../lib/config.ts';
import { parseIsoDate } from '../mock/iso-date.ts';
import { MockHarness } from './mock-harness.ts';

const harnesses: MockHarness[] = [];
after(() => Promise.all(harnesses.map((h) => h.close())));

const february30 =
  '--clock must be an ISO date such as 2025-06-01, not 2025-02-30 (February 2025 has 28 days)';

describe('ISO dates of the mock clock', () => {
  it('should read dates and date-times that exist, leap days included', () => {
    const read = (text: string) => {
      const parsed = parseIsoDate(text, 'at');
      assert.ok(parsed.ok, parsed.ok ? '' : parsed.problem);
      return parsed.value.toISOString();
    };
    assert.equal(read('2025-06-01'), '2025-06-01T00:00:00.000Z');
    assert.equal(read('2024-02-29'), '2024-02-29T00:00:00.000Z');
    assert.equal(read('2025-12-31T23:59:59Z'), '2025-12-31T23:59:59.000Z');
    assert.equal(read('2025-03-01T01:30:00.250+02:00'), '2025-02-28T23:30:00.250Z');
  });

  it('should refuse a day or time that does not exist, saying why', () => {
    const problem = (text: string) => {
      const parsed = parseIsoDate(text, '--clock');
      assert.equal(parsed.ok, false, `${text} must be refused`);
      return parsed.ok ? '' : parsed.problem;
    };
    assert.equal(problem('2025-02-30'), february30);
    assert.match(problem('2025-02-29'), /February 2025 has 28 days/);
    assert.match(problem('2025-04-31T10:00:00Z'), /April 2025 has 30 days/);
    assert.match(problem('2025-13-45'), /there is no month 13/);
    assert.match(problem('2025-06-01T24:00:00Z'), /hours run from 00 to 23/);
    // The free-text forms new Date reads roll over too (Feb 30 2025 is 2 March): not read.
    assert.equal(
      problem('Feb 30 2025'),
      '--clock must be an ISO date such as 2025-06-01, not Feb 30 2025',
    );
  });

  it('should refuse ATLAS_MOCK_CLOCK=2025-02-30 as a configuration problem', () => {
    assert.throws(
      () => embeddedMockOptionsFromEnv({ ATLAS_MOCK_CLOCK: '2025-02-30' }),
      (error: unknown) =>
        error instanceof ConfigError &&
        error.problems.length === 1 &&
        error.problems[0] === february30.replace('--clock', 'ATLAS_MOCK_CLOCK'),
    );
  });

  it('should answer 400 to POST /__mock/clock with a day that does not exist', async () => {
    const mock = new MockHarness({ clockStart: new Date('2025-12-15T00:00:00Z') });
    harnesses.push(mock);
    const moved = await mock.app.inject({
      method: 'POST',
      url: '/__mock/clock',
      payload: JSON.stringify({ at: '2025-02-30' }),
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(moved.statusCode, 400);
    assert.deepEqual(moved.json(), { error: february30.replace('--clock', 'at') });
    assert.match(mock.context.clock.now().toISOString(), /^2025-12-15/, 'the clock stays');
  });
});

describe('npm run mock --clock with a day that does not exist', () => {
  it('should exit 2 with one line saying why, before listening', () => {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'cli/mock.ts', '--port', '0', '--clock', '2025-02-30'],
      { encoding: 'utf8', timeout: 30_000 },
    );
    assert.equal(run.status, 2, run.stderr);
    assert.equal(run.stderr.split('\n')[0], `error: ${february30}`);
    assert.equal(run.stdout, '', 'nothing is served');
  });
});
