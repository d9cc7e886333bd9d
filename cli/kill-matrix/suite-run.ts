/**
 * One run of the whole suite against a fresh embedded mock with the given faults planted: the
 * mock runs in this process on its own port, Playwright in a child process with one worker and
 * the JSON reporter (no Allure), and the outcome is read back from the JSON file.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { demoFixtures } from '../../fixtures/world.ts';
import type { FaultId } from '../../mock/faults.ts';
import { defaultMockOptions, startMock } from '../../mock/server.ts';
import { outcomeOf, type JsonReport, type SuiteOutcome } from './failed-checks.ts';

export interface SuiteRunRequest {
  faults: FaultId[];
  /** ISO instant for the mock's clock; the mock's default when undefined. */
  clock: string | undefined;
  seed: number;
  numRuns: number;
  /** A run longer than this is stopped and reported as a run error. */
  timeoutMs: number;
}

export interface SuiteRun extends SuiteOutcome {
  durationMs: number;
}

const playwrightCli = join('node_modules', '@playwright', 'test', 'cli.js');

/** The child's environment: the demo target, never the live credentials of `.env`. */
function suiteEnv(baseUrl: string, request: SuiteRunRequest, scratch: string) {
  const demo = demoFixtures(defaultMockOptions().world);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MONGODB_ATLAS_BASE_URL: baseUrl,
    ATLAS_CONFORMANCE_TARGET_IS_MOCK: '1',
    MONGODB_ATLAS_PROJECT_ID: demo.project.id,
    MONGODB_ATLAS_PUBLIC_KEY: demo.owner.publicKey,
    MONGODB_ATLAS_PRIVATE_KEY: demo.owner.privateKey,
    MONGODB_ATLAS_CLIENT_ID: demo.serviceAccount.clientId,
    MONGODB_ATLAS_CLIENT_SECRET: demo.serviceAccount.clientSecret,
    ATLAS_CONFORMANCE_AUTH: 'digest',
    ATLAS_CONFORMANCE_SEED: String(request.seed),
    ATLAS_CONFORMANCE_NUM_RUNS: String(request.numRuns),
    ATLAS_CONFORMANCE_WORKERS: '1',
    // Shrinking finds the smallest counterexample; the matrix only needs to know what failed.
    ATLAS_CONFORMANCE_SHRINK: '0',
    // Each run reports into its own directory: two runs at a time never share a file.
    ATLAS_CONFORMANCE_REPORTS_DIR: scratch,
    PLAYWRIGHT_JSON_OUTPUT_NAME: join(scratch, 'report.json'),
    FORCE_COLOR: '0',
  };
  delete env.ATLAS_CONFORMANCE_PATH;
  return env;
}

export async function runSuite(request: SuiteRunRequest): Promise<SuiteRun> {
  const started = performance.now();
  const scratch = mkdtempSync(join(tmpdir(), 'kill-matrix-'));
  const options = defaultMockOptions({
    faults: new Set(request.faults),
    ...(request.clock === undefined ? {} : { clockStart: new Date(request.clock) }),
  });
  const mock = await startMock(options);
  try {
    const child = spawn(
      process.execPath,
      [
        playwrightCli,
        'test',
        '--reporter=json',
        '--workers=1',
        '--retries=0',
        `--global-timeout=${request.timeoutMs}`,
      ],
      { env: suiteEnv(mock.baseUrl, request, scratch), stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + String(chunk)).slice(-2000)));
    await once(child, 'exit');
    let report: JsonReport;
    try {
      report = JSON.parse(readFileSync(join(scratch, 'report.json'), 'utf8')) as JsonReport;
    } catch {
      const why = stderr.trim().split('\n').at(-1) ?? 'no output';
      report = { errors: [{ message: `Playwright wrote no JSON report: ${why}` }] };
    }
    return { ...outcomeOf(report), durationMs: performance.now() - started };
  } finally {
    await mock.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}
