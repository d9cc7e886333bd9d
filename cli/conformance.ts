/**
 * `npm run conformance`: runs the suite against a target and writes the reports.
 *
 * Steps:
 * 1. configuration, checked before any request (exit 2, one line per problem);
 * 2. without MONGODB_ATLAS_BASE_URL, the embedded mock on a free loopback port with its demo
 *    credentials; otherwise a live target: a run tag and a run directory (creation budget);
 * 3. preflight: credentials, project, endpoint state (a gone live endpoint ends here, exit 3;
 *    a live target that accepts an empty create ends here, exit 2);
 * 4. live: the opening sweep deletes what earlier runs tagged and left, once older than
 *    ATLAS_CONFORMANCE_SWEEP_MIN_AGE minutes (younger ones may be another run's, still going);
 * 5. Playwright (arguments after `--` go to it: `--grep`, `--shard`, ...);
 * 6. live: the closing sweep deletes whatever this run's tag is still on, even after Ctrl-C;
 * 7. the Markdown summary, the Allure report; the exit code (cli/exit.ts).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { embeddedMockSettingsVariable } from '../fixtures/replay-line.ts';
import { reportPaths } from '../fixtures/report-paths.ts';
import { clientFor, resolveTarget } from '../fixtures/target.ts';
import { demoFixtures } from '../fixtures/world.ts';
import { TargetUnreachable, type AtlasClient } from '../lib/atlas-client.ts';
import { ConfigError, loadEnvFile, readConfig } from '../lib/config.ts';
import { machineRunTag, newRunTagValue } from '../lib/run-tag.ts';
import { defaultMockOptions, startMock, type RunningMock } from '../mock/server.ts';
import { buildAllureReport } from './allure-report.ts';
import { embeddedMockOptionsFromEnv, embeddedMockSettings } from './embedded-mock-env.ts';
import { exitCodes, exitWithUsageError, printUsageError } from './exit.ts';
import {
  PreflightCreated,
  PreflightRefused,
  preflight,
  removeCreated,
  type PreflightResult,
} from './preflight.ts';
import { checkRows, summaryMarkdown, writeSummary } from './run-summary.ts';
import { SweepRefused, sweepTagged } from './sweep-tagged.ts';

const say = (line: string) => process.stdout.write(`${line}\n`);

function readConfigOrExit(env: NodeJS.ProcessEnv) {
  try {
    return readConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) exitWithUsageError(error.problems.join('\nerror: '));
    throw error;
  }
}

/** Points the run at a fresh embedded mock; live credentials in .env never reach it. */
async function embedMock(env: NodeJS.ProcessEnv): Promise<RunningMock> {
  const options = defaultMockOptions(embeddedMockOptionsFromEnv(env));
  const mock = await startMock(options);
  const demo = demoFixtures(options.world);
  const demoValues = {
    MONGODB_ATLAS_PROJECT_ID: demo.project.id,
    MONGODB_ATLAS_PUBLIC_KEY: demo.owner.publicKey,
    MONGODB_ATLAS_PRIVATE_KEY: demo.owner.privateKey,
    MONGODB_ATLAS_CLIENT_ID: demo.serviceAccount.clientId,
    MONGODB_ATLAS_CLIENT_SECRET: demo.serviceAccount.clientSecret,
  };
  // A target's own values without its base URL would be replaced in silence, and the verdict
  // read as one on that target: name them (names only, never values).
  const replaced = Object.entries(demoValues)
    .filter(([name, value]) => (env[name] ?? '') !== '' && env[name] !== value)
    .map(([name]) => name);
  Object.assign(env, {
    MONGODB_ATLAS_BASE_URL: mock.baseUrl,
    ATLAS_CONFORMANCE_TARGET_IS_MOCK: '1',
    ...demoValues,
    // The replay lines carry these, so that a replayed run starts this same mock.
    [embeddedMockSettingsVariable]: Object.keys(embeddedMockSettings(env)).join(','),
  });
  say(`Target: embedded mock at ${mock.baseUrl}`);
  if (replaced.length > 0) {
    say(
      `note: ${replaced.join(', ')} set but MONGODB_ATLAS_BASE_URL is not: the target is the ` +
        'embedded mock, with its own demo values',
    );
  }
  return mock;
}

async function sweepLeftovers(
  client: AtlasClient,
  projectId: string,
  scope: { except: string; minAgeMinutes: number } | { only: string },
): Promise<string[]> {
  try {
    const result = await sweepTagged(client, projectId, { ...scope, progress: say });
    return result.left;
  } catch (error) {
    if (error instanceof SweepRefused || error instanceof TargetUnreachable) {
      process.stderr.write(`warning: sweep could not run: ${error.message}\n`);
      return ['(sweep could not list the project)'];
    }
    throw error;
  }
}

async function runPlaywright(env: NodeJS.ProcessEnv): Promise<number> {
  // Asynchronous on purpose: the embedded mock answers from this process's event loop.
  const run = spawn('npx', ['playwright', 'test', ...process.argv.slice(2)], {
    env,
    stdio: 'inherit',
  });
  // Ctrl-C or a CI cancel: let Playwright stop its workers, then the closing sweep still runs.
  const forward = (signal: NodeJS.Signals) => run.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  const [status] = (await once(run, 'exit')) as [number | null];
  process.off('SIGINT', forward);
  process.off('SIGTERM', forward);
  if (status === 0) return exitCodes.conforms;
  if (status === 1) return exitCodes.checkFailed;
  return exitCodes.couldNotRun;
}

async function main(): Promise<number> {
  try {
    loadEnvFile();
  } catch (error) {
    if (error instanceof ConfigError) exitWithUsageError(error.problems.join('\nerror: '));
    throw error;
  }
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Set by embedMock alone: a value from the shell must not put settings in a live run's lines.
  delete env[embeddedMockSettingsVariable];
  const config = readConfigOrExit(env);
  let mock: RunningMock | undefined;
  try {
    mock = config.baseUrl === undefined ? await embedMock(env) : undefined;
  } catch (error) {
    // ATLAS_MOCK_* settings that break their rules: one line each, as for the rest.
    if (error instanceof ConfigError) exitWithUsageError(error.problems.join('\nerror: '));
    throw error;
  }
  const live = mock === undefined;
  let runTag = '';
  if (live) {
    // The run's tag; this machine tags with its shard's member of the family.
    runTag = config.live.runTag ?? newRunTagValue();
    env.ATLAS_CONFORMANCE_RUN_TAG = machineRunTag(runTag, process.argv.slice(2));
    env.ATLAS_CONFORMANCE_RUN_DIR = mkdtempSync(join(tmpdir(), 'atlas-conformance-run-'));
    say(
      `Target: ${new URL(config.baseUrl ?? '').origin} ` +
        `(live: run tag ${env.ATLAS_CONFORMANCE_RUN_TAG})`,
    );
    say(
      config.live.allowCreate
        ? `Creating: allowed, at most ${config.live.createBudget} instance(s) on this machine`
        : 'Creating: off (ATLAS_CONFORMANCE_ALLOW_CREATE=1 allows it): creating checks are skipped',
    );
  }
  const target = resolveTarget(env);
  const client = clientFor(target);
  const paths = reportPaths(env);
  const facts = [`target: ${new URL(target.baseUrl).origin}${live ? '' : ' (embedded mock)'}`];
  let left: string[] = [];
  // The closing sweep runs once Playwright was started, whatever happened to it.
  let started = false;
  let code: number;
  try {
    let state: PreflightResult | undefined;
    try {
      state = await preflight(client, target.projectId, { embeddedMock: !live });
    } catch (error) {
      if (!(error instanceof PreflightRefused || error instanceof TargetUnreachable)) throw error;
      if (live) {
        const line =
          error instanceof PreflightCreated
            ? await removeCreated(client, target.projectId, error)
            : error.message;
        printUsageError(line);
        return exitCodes.couldNotRun;
      }
      // The embedded mock is ours: a refusal there is a planted fault for the checks to catch.
      process.stderr.write(`warning: ${error.message}\n`);
    }
    if (state !== undefined) {
      say(state.line);
      facts.push(state.line);
    }
    if (state?.state === 'gone' && live) {
      writeSummary(
        summaryMarkdown('Conformance: endpoint gone', facts, []),
        `${paths.root}/summary.md`,
      );
      return exitCodes.endpointGone;
    }
    if (live) {
      facts.push(`run tag: \`${env.ATLAS_CONFORMANCE_RUN_TAG}\``);
      await sweepLeftovers(client, target.projectId, {
        except: runTag,
        minAgeMinutes: config.live.sweepMinAgeMinutes,
      });
    }
    // One OAuth token for the whole run: the workers reuse it, this process revokes it.
    const token = client.heldToken;
    if (token !== undefined) {
      env.ATLAS_CONFORMANCE_SHARED_TOKEN = token.value;
      env.ATLAS_CONFORMANCE_SHARED_TOKEN_RENEW_AT = String(token.renewAt);
    }

    rmSync(paths.results, { recursive: true, force: true });
    started = true;
    code = await runPlaywright(env);
  } finally {
    if (live && started) {
      left = await sweepLeftovers(client, target.projectId, {
        only: env.ATLAS_CONFORMANCE_RUN_TAG ?? '',
      });
    }
    if (env.ATLAS_CONFORMANCE_RUN_DIR !== undefined) {
      rmSync(env.ATLAS_CONFORMANCE_RUN_DIR, { recursive: true, force: true });
    }
    await client.close();
    await mock?.close();
  }
  if (left.length > 0) {
    process.stderr.write(`error: left on the target (run npm run sweep): ${left.join(', ')}\n`);
    facts.push(`**left on the target**: ${left.join(', ')}`);
    // A failed check keeps 1: the checks did judge the target, and the line above names what
    // may be left. Only a run that would otherwise pass becomes "could not happen".
    if (code === exitCodes.conforms) code = exitCodes.couldNotRun;
  }
  const rows = checkRows(paths.results);
  if (rows.length === 0 && code !== exitCodes.couldNotRun) {
    // Playwright ran no test (a --grep that matches none, an option it refused): nothing was
    // judged, so the run is no verdict, never a pass.
    printUsageError('no check ran: the run judged nothing (see the lines above)');
    code = exitCodes.couldNotRun;
  }
  const verdict =
    ['conforms', 'a check failed', 'the run could not happen'][code] ?? `exit ${code}`;
  facts.push(`verdict: ${verdict} (exit ${code})`);
  writeSummary(summaryMarkdown('Conformance', facts, rows), `${paths.root}/summary.md`);
  say(`Summary: ${paths.root}/summary.md`);
  const report = buildAllureReport(paths.results, paths.report);
  if (report.generated) say(`Allure report: ${report.index}`);
  return code;
}

process.exitCode = await main();
