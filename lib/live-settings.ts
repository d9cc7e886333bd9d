/**
 * The settings that only matter against a live target (anything but the embedded mock): what a
 * run may create, how politely it talks, the production guard, and the optional fixtures that
 * enable the authorization checks. Read with the rest of the configuration, before any request;
 * each problem is one `<VARIABLE> must <rule>` line.
 */
export interface KeyPair {
  publicKey: string;
  privateKey: string;
}

export interface LiveSettings {
  /** Creating checks run against a live target only when this is on. */
  allowCreate: boolean;
  /** How many instances the whole run (all workers of one machine) may create. */
  createBudget: number;
  /** The value of the run tag put on everything created; undefined lets the runner draw one. */
  runTag: string | undefined;
  /** Requests per second of the whole run; 0 means no client-side limit. */
  requestsPerSecond: number | undefined;
  /** Retries of an idempotent request after a 5xx, a 429 or a dropped connection. */
  maxRetries: number | undefined;
  /**
   * Minutes a tagged instance must have existed before a sweep of other runs' leftovers may
   * delete it (ATLAS_CONFORMANCE_SWEEP_MIN_AGE).
   */
  sweepMinAgeMinutes: number;
  /** Optional fixtures; a check needing one that is missing is skipped with the reason. */
  readOnlyKey: KeyPair | undefined;
  fencedKey: KeyPair | undefined;
  unpaidProjectId: string | undefined;
}

/**
 * The default sweep age, 0: the next run deletes whatever a killed run left (issue 7), which is
 * safe when one run at a time uses a project, as the example workflow's `concurrency` group
 * ensures. Projects that several runs share set ATLAS_CONFORMANCE_SWEEP_MIN_AGE above the
 * longest run (120 is twice the example CI job's 60-minute timeout), so that no opening sweep
 * deletes the instances of a run still going; a killed run's leftovers then wait that long.
 */
export const defaultSweepMinAgeMinutes = 0;

/** Hosts whose creations land on a real bill: a run needs the confirmation setting. */
export const productionHosts = ['cloud.mongodb.com', 'cloud.mongodbgov.com'];

export const confirmProductionVariable = 'ATLAS_CONFORMANCE_CONFIRM_PRODUCTION';

type Read = (name: string) => string | undefined;

function wholeNumber(
  read: Read,
  problems: string[],
  name: string,
  max: number,
): number | undefined {
  const text = read(name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value > max) {
    problems.push(`${name} must be a whole number from 0 to ${max}`);
    return undefined;
  }
  return value;
}

function keyPair(read: Read, problems: string[], prefix: string): KeyPair | undefined {
  const publicKey = read(`${prefix}_PUBLIC_KEY`);
  const privateKey = read(`${prefix}_PRIVATE_KEY`);
  if ((publicKey === undefined) !== (privateKey === undefined)) {
    problems.push(`${prefix}_PUBLIC_KEY and ${prefix}_PRIVATE_KEY must be set together`);
    return undefined;
  }
  return publicKey === undefined || privateKey === undefined
    ? undefined
    : { publicKey, privateKey };
}

export function readLiveSettings(
  read: Read,
  problems: string[],
  baseUrl: URL | undefined,
): LiveSettings {
  const allowText = read('ATLAS_CONFORMANCE_ALLOW_CREATE') ?? '0';
  if (allowText !== '0' && allowText !== '1') {
    problems.push('ATLAS_CONFORMANCE_ALLOW_CREATE must be 0 or 1');
  }
  const createBudget = wholeNumber(read, problems, 'ATLAS_CONFORMANCE_CREATE_BUDGET', 1000) ?? 1;

  const runTag = read('ATLAS_CONFORMANCE_RUN_TAG');
  if (runTag !== undefined && !/^[A-Za-z0-9._-]{1,64}$/.test(runTag)) {
    problems.push('ATLAS_CONFORMANCE_RUN_TAG must be 1 to 64 letters, digits, dots, - or _');
  }

  const unpaidProjectId = read('ATLAS_CONFORMANCE_UNPAID_PROJECT_ID');
  if (unpaidProjectId !== undefined && !/^[a-f0-9]{24}$/.test(unpaidProjectId)) {
    problems.push('ATLAS_CONFORMANCE_UNPAID_PROJECT_ID must be 24 lower-case hexadecimal digits');
  }

  // The guard: a production host needs its own name repeated, so neither a stray `1` nor a
  // copied .env can point a paying run at it.
  if (baseUrl !== undefined && productionHosts.includes(baseUrl.hostname)) {
    if (read(confirmProductionVariable) !== baseUrl.hostname) {
      problems.push(
        `${confirmProductionVariable} must be ${baseUrl.hostname} to run against production ` +
          '(every creation there is billed)',
      );
    }
  }

  return {
    allowCreate: allowText === '1',
    createBudget,
    runTag,
    requestsPerSecond: wholeNumber(read, problems, 'ATLAS_CONFORMANCE_REQUESTS_PER_SECOND', 10_000),
    maxRetries: wholeNumber(read, problems, 'ATLAS_CONFORMANCE_MAX_RETRIES', 10),
    sweepMinAgeMinutes:
      wholeNumber(read, problems, 'ATLAS_CONFORMANCE_SWEEP_MIN_AGE', 10_080) ??
      defaultSweepMinAgeMinutes,
    readOnlyKey: keyPair(read, problems, 'ATLAS_CONFORMANCE_READONLY'),
    fencedKey: keyPair(read, problems, 'ATLAS_CONFORMANCE_FENCED'),
    unpaidProjectId,
  };
}
