/**
 * `npm run mock`: the embedded Atlas alone, for people and for clients under test.
 *
 *   npm run mock -- [--port 4010] [--clock 2025-12-15] [--world file.json] [--fault id ...]
 *                   [--transition-ms 1500] [--envelope-status same|200]
 *                   [--not-offered-region invalid-region|region-unavailable|invalid-attribute]
 *                   [--non-boolean-flag ignore|reject]
 *                   [--rate-limit off|capacity/refillCount/refillSeconds]
 *                   [--operational-fault kind[*times] ...] [--latency-ms N]
 *
 * --envelope-status, --not-offered-region and --non-boolean-flag choose what the mock answers
 * where real Atlas's answer is unknown; mock/unknown-facts.ts documents each default.
 *
 * It prints its base URL, its era and the demo credentials and project it accepts (the world's
 * owner key and service account, the ones the README's curl examples use), then serves until
 * interrupted.
 */
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { defaultWorldFile, demoFixtures, loadWorld, type RateLimit } from '../fixtures/world.ts';
import { parseOperationalFault, parseRateLimit } from '../mock/cli-options.ts';
import { controlPrefix } from '../mock/routes/control.ts';
import { faultCatalogue, isFaultId, type FaultId } from '../mock/faults.ts';
import { mockEraAt } from '../mock/era.ts';
import { parseIsoDate } from '../mock/iso-date.ts';
import {
  defaultUnknownFacts,
  parseUnknownFact,
  unknownFacts,
  type UnknownFact,
  type UnknownFactSettings,
} from '../mock/unknown-facts.ts';
import type { OperationalFaultSpec } from '../mock/operational-faults.ts';
import { defaultRateLimit } from '../mock/rate-limit.ts';
import { defaultMockOptions, defaultTransitionMs, startMock } from '../mock/server.ts';
import { exitWithUsageError } from './exit.ts';

const usage =
  'usage: npm run mock -- [--port N] [--clock ISO-date] [--world file] [--fault id]... ' +
  '[--transition-ms N] [--envelope-status same|200] ' +
  '[--not-offered-region invalid-region|region-unavailable|invalid-attribute] ' +
  '[--non-boolean-flag ignore|reject] [--rate-limit off|C/R/S] ' +
  '[--operational-fault kind[*times]]... [--latency-ms N]';

function parseOrExit(): ReturnType<typeof parseCommandLine>['values'] {
  try {
    const { values } = parseCommandLine();
    if (values.help === true) {
      process.stdout.write(`${usage}\n`);
      process.exit(0);
    }
    return values;
  } catch (error) {
    // An unknown or incomplete option: one line saying which, then the usage, exit 2.
    exitWithUsageError((error as Error).message, usage);
  }
}

function parseCommandLine() {
  return parseArgs({
    options: {
      help: { type: 'boolean', short: 'h' },
      port: { type: 'string', default: '4010' },
      clock: { type: 'string' },
      world: { type: 'string' },
      fault: { type: 'string', multiple: true, default: [] },
      'transition-ms': { type: 'string', default: String(defaultTransitionMs) },
      'envelope-status': { type: 'string', default: defaultUnknownFacts.envelopeStatus },
      'not-offered-region': { type: 'string', default: defaultUnknownFacts.notOfferedRegion },
      'non-boolean-flag': { type: 'string', default: defaultUnknownFacts.nonBooleanFlag },
      'rate-limit': { type: 'string' },
      'operational-fault': { type: 'string', multiple: true, default: [] },
      'latency-ms': { type: 'string' },
    },
    strict: true,
  });
}

/** Whether a --world path names the committed fixtures/world.json itself. */
function isCommittedWorld(file: string): boolean {
  return realpathSync(resolve(file)) === realpathSync(fileURLToPath(defaultWorldFile));
}

function readOptions() {
  const values = parseOrExit();
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    exitWithUsageError(`--port must be a whole number from 0 to 65535, not ${values.port}`, usage);
  }
  let clockStart: Date | undefined;
  if (values.clock !== undefined) {
    const parsed = parseIsoDate(values.clock, '--clock');
    if (!parsed.ok) exitWithUsageError(parsed.problem, usage);
    clockStart = parsed.value;
  }
  const transitionMs = Number(values['transition-ms']);
  if (!Number.isInteger(transitionMs) || transitionMs < 0) {
    exitWithUsageError(`--transition-ms must be a whole number of milliseconds`, usage);
  }
  const unknown: Partial<Record<UnknownFact, string>> = {};
  for (const fact of Object.keys(unknownFacts) as UnknownFact[]) {
    const flag = unknownFacts[fact].flag;
    const parsed = parseUnknownFact(fact, values[flag], `--${flag}`);
    if (!parsed.ok) exitWithUsageError(parsed.problem, usage);
    unknown[fact] = parsed.value;
  }
  const unknownSettings = unknown as UnknownFactSettings;
  const faults: FaultId[] = [];
  for (const fault of values.fault) {
    if (!isFaultId(fault)) {
      const known = Object.keys(faultCatalogue).join(', ');
      exitWithUsageError(`--fault must be one of ${known}, not ${fault}`, usage);
    }
    faults.push(fault);
  }
  let rateLimit: RateLimit | undefined = defaultRateLimit;
  if (values['rate-limit'] !== undefined) {
    const parsed = parseRateLimit(values['rate-limit']);
    if (!parsed.ok) exitWithUsageError(parsed.problem, usage);
    rateLimit = parsed.value;
  }
  const operationalFaults: OperationalFaultSpec[] = [];
  for (const text of values['operational-fault']) {
    const parsed = parseOperationalFault(text);
    if (!parsed.ok) exitWithUsageError(parsed.problem, usage);
    operationalFaults.push(parsed.value);
  }
  if (values['latency-ms'] !== undefined) {
    const latencyMs = Number(values['latency-ms']);
    if (!Number.isInteger(latencyMs) || latencyMs < 0 || latencyMs > 600_000) {
      exitWithUsageError(`--latency-ms must be a whole number from 0 to 600000`, usage);
    }
    operationalFaults.push({ kind: 'latency', latencyMs });
  }
  let world;
  try {
    world = values.world === undefined ? loadWorld() : loadWorld(values.world);
  } catch (error) {
    exitWithUsageError((error as Error).message, usage);
  }
  const worldFile =
    values.world === undefined || isCommittedWorld(values.world) ? undefined : values.world;
  return {
    port,
    clockStart,
    transitionMs,
    unknownSettings,
    faults,
    world,
    worldFile,
    rateLimit,
    operationalFaults,
  } as const;
}

const chosen = readOptions();
const options = defaultMockOptions({
  world: chosen.world,
  transitionMs: chosen.transitionMs,
  ...chosen.unknownSettings,
  faults: new Set(chosen.faults),
  rateLimit: chosen.rateLimit,
  operationalFaults: chosen.operationalFaults,
  ...(chosen.clockStart === undefined ? {} : { clockStart: chosen.clockStart }),
});
const mock = await startMock(options, chosen.port).catch((error: Error) => {
  process.stderr.write(`mock could not listen on port ${chosen.port}: ${error.message}\n`);
  process.exit(2);
});
const demo = demoFixtures(options.world);
const now = mock.context.clock.now();
const era = mockEraAt(now);
const budget = (r: typeof chosen.rateLimit) =>
  r === undefined ? 'off' : `${r.capacity}, then ${r.refillCount} per ${r.refillSeconds} s`;
const lines = [
  `Embedded Atlas listening on ${mock.baseUrl}`,
  `  clock   ${now.toISOString()} (era: ${era.id}` +
    `${era.deprecationHeaders === undefined ? '' : ', Deprecation and Sunset headers'}` +
    `${era.gone ? ', the create answers 410 VERSION_GONE' : ''})`,
  `  faults  ${chosen.faults.length === 0 ? 'none' : chosen.faults.join(', ')}`,
  `  unknown facts  ${(Object.keys(unknownFacts) as UnknownFact[])
    .map((fact) => `--${unknownFacts[fact].flag} ${chosen.unknownSettings[fact]}`)
    .join(', ')}`,
  `  operational faults  ${
    chosen.operationalFaults.length === 0
      ? 'none'
      : chosen.operationalFaults.map((f) => f.kind).join(', ')
  } (arm more: POST ${mock.baseUrl}${controlPrefix}/operational-faults)`,
  `  rate limit per project  ${budget(chosen.rateLimit)}` +
    (demo.rateLimitedProject === undefined
      ? ''
      : `; ${demo.rateLimitedProject.id}: ${budget(demo.rateLimitedProject.rateLimit)}`),
  '',
  // .env.example holds the committed world's values only: another world's come from its file.
  `Demo values (${
    chosen.worldFile === undefined
      ? 'also in .env.example'
      : `from the world file ${resolve(chosen.worldFile)}`
  }; they only work on this mock):`,
  `  MONGODB_ATLAS_BASE_URL=${mock.baseUrl}`,
  `  MONGODB_ATLAS_PROJECT_ID=${demo.project.id}`,
  `  MONGODB_ATLAS_PUBLIC_KEY=${demo.owner.publicKey}`,
  `  MONGODB_ATLAS_PRIVATE_KEY=${demo.owner.privateKey}`,
  `  MONGODB_ATLAS_CLIENT_ID=${demo.serviceAccount.clientId}`,
  `  MONGODB_ATLAS_CLIENT_SECRET=${demo.serviceAccount.clientSecret}`,
  '',
  'Try it:',
  `  curl --digest --user "${demo.owner.publicKey}:${demo.owner.privateKey}" \\`,
  `    -H "Accept: application/vnd.atlas.2023-01-01+json" -H "Content-Type: application/json" \\`,
  `    -X POST "${mock.baseUrl}/api/atlas/v2/groups/${demo.project.id}/serverless?pretty=true" \\`,
  `    -d '{"name":"demo","providerSettings":` +
    `{"backingProviderName":"AWS","regionName":"US_EAST_1"}}'`,
];
process.stdout.write(`${lines.join('\n')}\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void mock.close().then(() => process.exit(0)));
}
