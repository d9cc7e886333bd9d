/**
 * The run's configuration, read from the environment after dotenv has loaded `.env` (or the
 * file named by ATLAS_CONFORMANCE_ENV_FILE). Variable names follow the Atlas CLI, the Terraform
 * provider and the Go SDK. Every problem is reported as `<VARIABLE> must <rule>` before any
 * request is sent.
 */
import { existsSync, readFileSync } from 'node:fs';

import { parse as parseDotenv } from 'dotenv';

import { strictnessLevels, type Strictness } from '../contracts/verdict.ts';
import { readLiveSettings, type LiveSettings } from './live-settings.ts';

export type AuthMode = 'digest' | 'oauth';

export interface RunConfig {
  /** Undefined: the conformance runner starts the embedded mock. */
  baseUrl: string | undefined;
  projectId: string | undefined;
  publicKey: string | undefined;
  privateKey: string | undefined;
  clientId: string | undefined;
  clientSecret: string | undefined;
  auth: AuthMode;
  strictness: Strictness;
  /** fast-check runs per property. */
  numRuns: number;
  /** A fixed seed replays a run; undefined draws one. */
  seed: number | undefined;
  /** Creation, politeness, production guard and optional fixtures (lib/live-settings.ts). */
  live: LiveSettings;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

/** Why a dotenv file that exists could not be read, in a few words. */
function unreadableBecause(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (error as Error).message;
}

/**
 * Loads a dotenv file into process.env without overriding what the shell set. A malformed file
 * is an error, not a silent partial load; so is one that exists but cannot be read (a directory,
 * no read permission), which would otherwise end the run with a stack trace.
 */
export function loadEnvFile(file = process.env.ATLAS_CONFORMANCE_ENV_FILE ?? '.env'): void {
  const named = process.env.ATLAS_CONFORMANCE_ENV_FILE !== undefined;
  if (!existsSync(file)) {
    if (named) {
      throw new ConfigError([`ATLAS_CONFORMANCE_ENV_FILE must name an existing file: ${file}`]);
    }
    return;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const rule = named
      ? `ATLAS_CONFORMANCE_ENV_FILE must name a readable file: ${file}`
      : `${file} must be a readable file`;
    throw new ConfigError([`${rule} (${unreadableBecause(error)})`]);
  }
  const badLine = text
    .split(/\r?\n/)
    .findIndex(
      (line) => line.trim() !== '' && !/^\s*(#|(export\s+)?[A-Za-z_][A-Za-z0-9_]*\s*=)/.test(line),
    );
  if (badLine >= 0) {
    throw new ConfigError([`${file} line ${badLine + 1} must be NAME=value, a comment or blank`]);
  }
  for (const [name, value] of Object.entries(parseDotenv(text))) {
    if (process.env[name] === undefined) process.env[name] = value;
  }
}

function optional(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** Reads and checks the configuration; throws ConfigError listing every problem at once. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): RunConfig {
  const problems: string[] = [];
  const baseUrl = optional(env, 'MONGODB_ATLAS_BASE_URL');
  let url: URL | undefined;
  if (baseUrl !== undefined) {
    try {
      url = new URL(baseUrl);
    } catch {
      url = undefined;
    }
    if (url === undefined || !/^https?:$/.test(url.protocol)) {
      problems.push(
        'MONGODB_ATLAS_BASE_URL must be an http(s) URL such as https://cloud.mongodb.com',
      );
    } else if (url.username !== '' || url.password !== '') {
      problems.push('MONGODB_ATLAS_BASE_URL must not carry credentials; use the key variables');
    }
  }
  const projectId = optional(env, 'MONGODB_ATLAS_PROJECT_ID');
  if (projectId !== undefined && !/^[a-f0-9]{24}$/.test(projectId)) {
    problems.push('MONGODB_ATLAS_PROJECT_ID must be 24 lower-case hexadecimal digits');
  }
  const publicKey = optional(env, 'MONGODB_ATLAS_PUBLIC_KEY');
  const privateKey = optional(env, 'MONGODB_ATLAS_PRIVATE_KEY');
  const clientId = optional(env, 'MONGODB_ATLAS_CLIENT_ID');
  const clientSecret = optional(env, 'MONGODB_ATLAS_CLIENT_SECRET');
  if ((publicKey === undefined) !== (privateKey === undefined)) {
    problems.push('MONGODB_ATLAS_PUBLIC_KEY and MONGODB_ATLAS_PRIVATE_KEY must be set together');
  }
  if ((clientId === undefined) !== (clientSecret === undefined)) {
    problems.push('MONGODB_ATLAS_CLIENT_ID and MONGODB_ATLAS_CLIENT_SECRET must be set together');
  }
  const authSetting = optional(env, 'ATLAS_CONFORMANCE_AUTH');
  let auth: AuthMode = publicKey === undefined && clientId !== undefined ? 'oauth' : 'digest';
  if (authSetting !== undefined) {
    if (authSetting !== 'digest' && authSetting !== 'oauth') {
      problems.push('ATLAS_CONFORMANCE_AUTH must be digest or oauth');
    } else auth = authSetting;
  }
  if (baseUrl !== undefined) {
    if (projectId === undefined)
      problems.push('MONGODB_ATLAS_PROJECT_ID must be set for a live target');
    if (auth === 'digest' && publicKey === undefined) {
      problems.push(
        'MONGODB_ATLAS_PUBLIC_KEY and MONGODB_ATLAS_PRIVATE_KEY must be set for digest auth',
      );
    }
    if (auth === 'oauth' && clientId === undefined) {
      problems.push(
        'MONGODB_ATLAS_CLIENT_ID and MONGODB_ATLAS_CLIENT_SECRET must be set for OAuth',
      );
    }
  }
  const strictness = (optional(env, 'ATLAS_CONFORMANCE_STRICTNESS') ?? 'warn') as Strictness;
  if (!strictnessLevels.includes(strictness)) {
    problems.push('ATLAS_CONFORMANCE_STRICTNESS must be fail, warn or off');
  }
  const numRuns = Number(optional(env, 'ATLAS_CONFORMANCE_NUM_RUNS') ?? '25');
  if (!Number.isInteger(numRuns) || numRuns < 1 || numRuns > 100_000) {
    problems.push('ATLAS_CONFORMANCE_NUM_RUNS must be a whole number from 1 to 100000');
  }
  const seedText = optional(env, 'ATLAS_CONFORMANCE_SEED');
  const seed = seedText === undefined ? undefined : Number(seedText);
  if (seed !== undefined && (!Number.isInteger(seed) || Math.abs(seed) > 2 ** 31)) {
    problems.push('ATLAS_CONFORMANCE_SEED must be a 32-bit whole number');
  }
  // Read again where they are used (playwright.config.ts, fixtures/envelope-rule.ts,
  // fixtures/property.ts); checked here so that a bad value stops the run before any request.
  const workers = optional(env, 'ATLAS_CONFORMANCE_WORKERS');
  if (workers !== undefined && !(/^\d{1,2}$/.test(workers) && Number(workers) >= 1)) {
    problems.push('ATLAS_CONFORMANCE_WORKERS must be a whole number from 1 to 99');
  }
  const envelopeStatus = optional(env, 'ATLAS_CONFORMANCE_ENVELOPE_STATUS');
  if (envelopeStatus !== undefined && !['same', '200', 'either'].includes(envelopeStatus)) {
    problems.push('ATLAS_CONFORMANCE_ENVELOPE_STATUS must be same, 200 or either');
  }
  const path = optional(env, 'ATLAS_CONFORMANCE_PATH');
  if (path !== undefined && optional(env, 'ATLAS_CONFORMANCE_PROPERTY') === undefined) {
    problems.push(
      'ATLAS_CONFORMANCE_PATH must come with ATLAS_CONFORMANCE_PROPERTY (copy the whole replay ' +
        'line of the failure)',
    );
  }
  if (path !== undefined && !/^\d+(:\d+)*$/.test(path)) {
    problems.push('ATLAS_CONFORMANCE_PATH must be a fast-check path such as 3:0:1');
  }
  const live = readLiveSettings((name) => optional(env, name), problems, url);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    baseUrl,
    projectId,
    publicKey,
    privateKey,
    clientId,
    clientSecret,
    auth,
    strictness,
    numRuns,
    seed,
    live,
  };
}
