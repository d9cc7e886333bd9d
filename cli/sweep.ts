/**
 * `npm run sweep`: deletes the instances earlier runs tagged and left on the configured target
 * (tag `atlas-conformance-run`, lib/run-tag.ts), termination protection off first. Every live
 * `npm run conformance` runs it at its start; run it by hand after a run was killed.
 *
 *   npm run sweep -- [--run <tag>] [--min-age <minutes>] [--dry-run]
 *
 * Instances younger than --min-age minutes are spared and named (on a project that several runs
 * share, another run may still be using them): the default is ATLAS_CONFORMANCE_SWEEP_MIN_AGE
 * (0 unless set: one run per project at a time), or 0 with --run, since naming a run says it is
 * over. `--min-age 0` deletes every tagged instance, however new.
 *
 * Exit codes: 0 nothing tagged is left, 1 some instance could not be deleted (named on stderr),
 * 2 the sweep could not run (configuration, credentials, target).
 */
import { parseArgs } from 'node:util';

import { clientFor, resolveTarget } from '../fixtures/target.ts';
import { TargetUnreachable } from '../lib/atlas-client.ts';
import { ConfigError, loadEnvFile, readConfig } from '../lib/config.ts';
import { exitCodes, exitWithUsageError } from './exit.ts';
import { SweepRefused, sweepTagged } from './sweep-tagged.ts';

const usage = 'usage: npm run sweep -- [--run <tag>] [--min-age <minutes>] [--dry-run]';

let values: { run?: string; 'min-age'?: string; 'dry-run'?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      run: { type: 'string' },
      'min-age': { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    },
    strict: true,
  }));
} catch (error) {
  exitWithUsageError((error as Error).message, usage);
}
const minAgeText = values['min-age'];
if (minAgeText !== undefined && !/^\d{1,5}$/.test(minAgeText)) {
  exitWithUsageError(`--min-age must be a whole number of minutes, not ${minAgeText}`, usage);
}

let minAgeMinutes = 0;
try {
  loadEnvFile();
  const config = readConfig();
  minAgeMinutes =
    minAgeText !== undefined
      ? Number(minAgeText)
      : values.run !== undefined
        ? 0
        : config.live.sweepMinAgeMinutes;
  if (config.baseUrl === undefined) {
    process.stdout.write(
      'sweep: no MONGODB_ATLAS_BASE_URL: the embedded mock keeps nothing between runs\n',
    );
    process.exit(exitCodes.conforms);
  }
} catch (error) {
  if (error instanceof ConfigError) exitWithUsageError(error.problems.join('\nerror: '));
  throw error;
}

const target = resolveTarget();
const client = clientFor(target);
try {
  const result = await sweepTagged(client, target.projectId, {
    ...(values.run === undefined ? {} : { only: values.run }),
    minAgeMinutes,
    dryRun: values['dry-run'] === true,
    progress: (line) => process.stdout.write(`${line}\n`),
  });
  process.stdout.write(
    `sweep: done: ${result.deleted.length} deleted, ${result.left.length} left, ` +
      `${result.young.length} spared as younger than ${minAgeMinutes} min\n`,
  );
  if (result.left.length > 0) {
    process.stderr.write(`error: could not delete ${result.left.join(', ')}\n`);
    process.exitCode = exitCodes.checkFailed;
  }
} catch (error) {
  if (error instanceof SweepRefused || error instanceof TargetUnreachable) {
    process.stderr.write(`error: ${error.message}\n`);
    process.exitCode = exitCodes.couldNotRun;
  } else throw error;
} finally {
  await client.close();
}
