/**
 * Runs Playwright specs against a fresh embedded mock in this process, for the suite's own
 * tests: the mock's clock and faults come from the arguments, the reports go to a temporary
 * folder, and the answer is Playwright's JSON report (every test with its status).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { embeddedMockOptionsFromEnv } from '../cli/embedded-mock-env.ts';
import { demoFixtures } from '../fixtures/world.ts';
import type { FastifyInstance } from 'fastify';

import { buildMockServer, defaultMockOptions } from '../mock/server.ts';

export interface SuiteOutcome {
  exitCode: number | null;
  /** "check › title" -> status (passed, failed, skipped, ...). */
  tests: Map<string, string>;
  output: string;
  eraFile: string;
}

interface JsonSuite {
  title: string;
  suites?: JsonSuite[];
  specs?: { title: string; tests: { status: string; results: { status: string }[] }[] }[];
}

function collect(suite: JsonSuite, path: string[], into: Map<string, string>): void {
  const here = suite.title.endsWith('.ts') ? path : [...path, suite.title];
  for (const spec of suite.specs ?? []) {
    const results = spec.tests.flatMap((t) => t.results.map((r) => r.status));
    const status = results.includes('failed') ? 'failed' : (results[0] ?? 'unknown');
    into.set([...here, spec.title].join(' › '), status);
  }
  for (const child of suite.suites ?? []) collect(child, here, into);
}

export interface SuiteSettings {
  clock?: string;
  faults?: string;
  numRuns?: number;
  /** Changes the mock before it listens: a fault the fault catalogue does not have. */
  tamper?: (app: FastifyInstance) => void;
}

async function startTamperedMock(settings: SuiteSettings) {
  const mockEnv = { ATLAS_MOCK_CLOCK: settings.clock ?? '', ATLAS_MOCK_FAULTS: settings.faults };
  const options = defaultMockOptions(embeddedMockOptionsFromEnv(mockEnv));
  const { app } = buildMockServer(options);
  settings.tamper?.(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return { options, baseUrl: `http://127.0.0.1:${port}`, close: () => app.close() };
}

export async function runSuite(
  specs: string[],
  settings: SuiteSettings = {},
): Promise<SuiteOutcome> {
  const mock = await startTamperedMock(settings);
  const { options } = mock;
  const demo = demoFixtures(options.world);
  const reports = mkdtempSync(join(tmpdir(), 'suite-test-'));
  const jsonFile = join(reports, 'results.json');
  try {
    const run = spawn('npx', ['playwright', 'test', '--reporter=json', ...specs], {
      env: {
        ...process.env,
        MONGODB_ATLAS_BASE_URL: mock.baseUrl,
        ATLAS_CONFORMANCE_TARGET_IS_MOCK: '1',
        MONGODB_ATLAS_PROJECT_ID: demo.project.id,
        MONGODB_ATLAS_PUBLIC_KEY: demo.owner.publicKey,
        MONGODB_ATLAS_PRIVATE_KEY: demo.owner.privateKey,
        MONGODB_ATLAS_CLIENT_ID: demo.serviceAccount.clientId,
        MONGODB_ATLAS_CLIENT_SECRET: demo.serviceAccount.clientSecret,
        ATLAS_CONFORMANCE_NUM_RUNS: String(settings.numRuns ?? 5),
        ATLAS_CONFORMANCE_REPORTS_DIR: reports,
        PLAYWRIGHT_JSON_OUTPUT_NAME: jsonFile,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    run.stdout.on('data', (chunk) => (output += chunk));
    run.stderr.on('data', (chunk) => (output += chunk));
    const [exitCode] = (await once(run, 'exit')) as [number | null];
    const tests = new Map<string, string>();
    const report = JSON.parse(readFileSync(jsonFile, 'utf8')) as { suites: JsonSuite[] };
    for (const suite of report.suites) collect(suite, [], tests);
    const eraFile = readFileSync(join(reports, 'target-era.json'), 'utf8');
    return { exitCode, tests, output, eraFile };
  } finally {
    await mock.close();
    rmSync(reports, { recursive: true, force: true });
  }
}
