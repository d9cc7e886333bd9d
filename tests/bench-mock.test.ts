/**
 * `npm run bench:mock` runs end to end and prints its table: the bare server proven to send the
 * mock's bytes, every round's ratio, a row per server and operation, and a verdict per target.
 * The figures themselves are the bench's to judge, not this test's: on a loaded machine a
 * target may be missed (exit 1), but the bench must never fail to run (exit 2), and the mock
 * must answer every request of the load with a 2xx.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';

const published = new URL('../../shared/reference/atlas-openapi-serverless.json', import.meta.url);

describe('bench:mock', () => {
  it('should run one short round and print the table and a verdict per target', () => {
    const run = spawnSync('npx', ['tsx', 'bench/mock-throughput.ts'], {
      encoding: 'utf8',
      env: { ...process.env, BENCH_ROUNDS: '1', BENCH_SECONDS: '1', BENCH_WARMUP_SECONDS: '0' },
      timeout: 180_000,
    });
    assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}: ${run.stderr}`);
    const out = run.stdout;
    assert.match(out, /the bare server's answers are the mock's, byte for byte/);
    for (const operation of ['create', 'get']) {
      assert.match(out, new RegExp(`${operation} round 1/1: mock \\d+ req/s, bare \\d+ req/s`));
      // The mock's row: its not-2xx column must be 0, or its figure would not count.
      assert.match(out, new RegExp(`^mock +${operation} +\\d+ +\\d+ +0$`, 'm'));
      assert.match(out, new RegExp(`^bare node:http +${operation} +\\d+`, 'm'));
      assert.match(out, new RegExp(`^mock ${operation}: \\d\\.\\d\\dx bare`, 'm'));
      if (existsSync(published)) assert.match(out, new RegExp(`^Prism +${operation} +\\d+`, 'm'));
    }
    assert.match(out, /^(all targets met|a target was missed)$/m);
  });
});
