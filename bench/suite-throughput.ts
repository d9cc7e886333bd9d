/**
 * `npm run bench:suite`: the whole conformance suite against the embedded mock, timed.
 *
 * Prints the number of HTTP requests the mock served (split into digest challenges and
 * authenticated requests), the wall time of the Playwright run and the requests per second.
 * Target on a 2-core machine: at least 2,000 requests in under 60 s.
 *
 * Settings: ATLAS_CONFORMANCE_NUM_RUNS (property runs; default here 60, so that one run clears
 * the 2,000 requests), ATLAS_CONFORMANCE_WORKERS (Playwright workers, default 2). Reports go to
 * a temporary folder, so a bench never overwrites the last real run's reports.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { embeddedMockOptionsFromEnv } from '../cli/embedded-mock-env.ts';
import { demoFixtures } from '../fixtures/world.ts';
import { buildMockServer, defaultMockOptions } from '../mock/server.ts';

const targetRequests = 2000;
const targetSeconds = 60;

async function main(): Promise<number> {
  const numRuns = process.env.ATLAS_CONFORMANCE_NUM_RUNS ?? '60';
  const options = defaultMockOptions(embeddedMockOptionsFromEnv(process.env));
  const { app } = buildMockServer(options);
  const served = { challenged: 0, authenticated: 0 };
  app.addHook('onResponse', async (request) => {
    if (request.headers.authorization === undefined) served.challenged += 1;
    else served.authenticated += 1;
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const demo = demoFixtures(options.world);
  const reports = mkdtempSync(join(tmpdir(), 'bench-suite-'));
  const env = {
    ...process.env,
    MONGODB_ATLAS_BASE_URL: `http://127.0.0.1:${port}`,
    ATLAS_CONFORMANCE_TARGET_IS_MOCK: '1',
    MONGODB_ATLAS_PROJECT_ID: demo.project.id,
    MONGODB_ATLAS_PUBLIC_KEY: demo.owner.publicKey,
    MONGODB_ATLAS_PRIVATE_KEY: demo.owner.privateKey,
    MONGODB_ATLAS_CLIENT_ID: demo.serviceAccount.clientId,
    MONGODB_ATLAS_CLIENT_SECRET: demo.serviceAccount.clientSecret,
    ATLAS_CONFORMANCE_NUM_RUNS: numRuns,
    ATLAS_CONFORMANCE_REPORTS_DIR: reports,
  };
  process.stdout.write(`bench:suite: ${numRuns} runs per property, mock on port ${port}\n`);

  const started = performance.now();
  // The line reporter prints each test as it ends: the bench's progress.
  const run = spawn('npx', ['playwright', 'test', '--reporter=line'], { env, stdio: 'inherit' });
  const [status] = (await once(run, 'exit')) as [number | null];
  const seconds = (performance.now() - started) / 1000;
  await app.close();
  rmSync(reports, { recursive: true, force: true });

  const total = served.challenged + served.authenticated;
  const rows: [string, string][] = [
    [
      'requests served',
      `${total} (${served.authenticated} authenticated, ` +
        `${served.challenged} without credentials: digest challenges and auth checks)`,
    ],
    ['wall time', `${seconds.toFixed(1)} s (Playwright start to exit)`],
    ['requests per second', (total / seconds).toFixed(0)],
    [
      'target',
      `>= ${targetRequests} requests in < ${targetSeconds} s: ` +
        (total >= targetRequests && seconds < targetSeconds ? 'met' : 'MISSED'),
    ],
    ['suite', status === 0 ? 'passed' : `FAILED (playwright exit ${status})`],
  ];
  for (const [name, value] of rows) process.stdout.write(`${name.padEnd(20)} ${value}\n`);
  return status === 0 ? 0 : 1;
}

process.exitCode = await main();
