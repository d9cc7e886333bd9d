/**
 * `npm run conformance`: runs the suite against a target and writes the Allure report.
 *
 * Without MONGODB_ATLAS_BASE_URL it starts the embedded mock on a free loopback port and uses
 * its demo credentials. Arguments after `--` go to Playwright (`--grep`, `--shard`, ...).
 * Exit codes: 0 the target conforms, 1 a check failed, 2 the run could not happen.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';

import { demoFixtures } from '../fixtures/world.ts';
import { ConfigError, loadEnvFile, readConfig } from '../lib/config.ts';
import { TargetUnreachable } from '../lib/atlas-client.ts';
import { defaultMockOptions, startMock, type RunningMock } from '../mock/server.ts';
import { exitCodes, exitWithUsageError } from './exit.ts';
import { embeddedMockOptionsFromEnv } from './embedded-mock-env.ts';
import { preflight } from './preflight.ts';
import { generateAllureReport } from './allure-report.ts';

const resultsDir = 'reports/allure-results';

async function main(): Promise<number> {
  try {
    loadEnvFile();
    readConfig();
  } catch (error) {
    if (error instanceof ConfigError) exitWithUsageError(error.problems.join('\nerror: '));
    throw error;
  }

  let mock: RunningMock | undefined;
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (env.MONGODB_ATLAS_BASE_URL === undefined || env.MONGODB_ATLAS_BASE_URL.trim() === '') {
    const options = defaultMockOptions(embeddedMockOptionsFromEnv(env));
    mock = await startMock(options);
    env.MONGODB_ATLAS_BASE_URL = mock.baseUrl;
    env.ATLAS_CONFORMANCE_TARGET_IS_MOCK = '1';
    // The mock only knows its demo principals: live credentials in .env must not reach it.
    const demo = demoFixtures(options.world);
    env.MONGODB_ATLAS_PROJECT_ID = demo.project.id;
    env.MONGODB_ATLAS_PUBLIC_KEY = demo.owner.publicKey;
    env.MONGODB_ATLAS_PRIVATE_KEY = demo.owner.privateKey;
    env.MONGODB_ATLAS_CLIENT_ID = demo.serviceAccount.clientId;
    env.MONGODB_ATLAS_CLIENT_SECRET = demo.serviceAccount.clientSecret;
    process.stdout.write(`Target: embedded mock at ${mock.baseUrl}\n`);
  } else {
    process.stdout.write(`Target: ${new URL(env.MONGODB_ATLAS_BASE_URL).origin}\n`);
  }

  try {
    try {
      const status = await preflight(readConfig(env), env);
      process.stdout.write(`${status}\n`);
    } catch (error) {
      if (error instanceof ConfigError) exitWithUsageError(error.problems.join('\nerror: '));
      if (error instanceof TargetUnreachable) exitWithUsageError(error.message);
      throw error;
    }

    rmSync(resultsDir, { recursive: true, force: true });
    // Asynchronous on purpose: the embedded mock answers from this process's event loop.
    const run = spawn('npx', ['playwright', 'test', ...process.argv.slice(2)], {
      env,
      stdio: 'inherit',
    });
    const [status] = (await once(run, 'exit')) as [number | null];
    const code =
      status === 0
        ? exitCodes.conforms
        : status === 1
          ? exitCodes.checkFailed
          : exitCodes.couldNotRun;
    const reportPath = generateAllureReport(resultsDir, 'reports/allure-report');
    process.stdout.write(`Allure report: ${reportPath}\n`);
    return code;
  } finally {
    await mock?.close();
  }
}

process.exitCode = await main();
