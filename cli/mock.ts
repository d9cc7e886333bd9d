/**
 * `npm run mock`: the embedded Atlas alone, for people and for clients under test.
 *
 *   npm run mock -- [--port 4010] [--clock 2025-12-15] [--world file.json] [--fault id ...]
 *                   [--transition-ms 2000] [--envelope-status same|200]
 *
 * It prints its base URL and the demo credentials and project it accepts, then serves until
 * interrupted.
 */
import { parseArgs } from 'node:util';

import { demoFixtures, loadWorld } from '../fixtures/world.ts';
import { faultCatalogue, isFaultId, type FaultId } from '../mock/faults.ts';
import { mockEraAt } from '../mock/era.ts';
import { defaultMockOptions, startMock } from '../mock/server.ts';
import { exitWithUsageError } from './exit.ts';

const usage =
  'usage: npm run mock -- [--port N] [--clock ISO-date] [--world file] [--fault id]... ' +
  '[--transition-ms N] [--envelope-status same|200]';

function readOptions() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4010' },
      clock: { type: 'string' },
      world: { type: 'string' },
      fault: { type: 'string', multiple: true, default: [] },
      'transition-ms': { type: 'string', default: '2000' },
      'envelope-status': { type: 'string', default: 'same' },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    exitWithUsageError(`--port must be a whole number from 0 to 65535, not ${values.port}`, usage);
  }
  const clockStart = values.clock === undefined ? undefined : new Date(values.clock);
  if (clockStart !== undefined && Number.isNaN(clockStart.getTime())) {
    exitWithUsageError(
      `--clock must be an ISO date such as 2025-06-01, not ${values.clock}`,
      usage,
    );
  }
  const transitionMs = Number(values['transition-ms']);
  if (!Number.isInteger(transitionMs) || transitionMs < 0) {
    exitWithUsageError(`--transition-ms must be a whole number of milliseconds`, usage);
  }
  const envelopeStatus = values['envelope-status'];
  if (envelopeStatus !== 'same' && envelopeStatus !== '200') {
    exitWithUsageError(`--envelope-status must be same or 200, not ${envelopeStatus}`, usage);
  }
  const faults: FaultId[] = [];
  for (const fault of values.fault) {
    if (!isFaultId(fault)) {
      const known = Object.keys(faultCatalogue).join(', ');
      exitWithUsageError(`--fault must be one of ${known}, not ${fault}`, usage);
    }
    faults.push(fault);
  }
  let world;
  try {
    world = values.world === undefined ? loadWorld() : loadWorld(values.world);
  } catch (error) {
    exitWithUsageError((error as Error).message, usage);
  }
  return { port, clockStart, transitionMs, envelopeStatus, faults, world } as const;
}

const chosen = readOptions();
const options = defaultMockOptions({
  world: chosen.world,
  transitionMs: chosen.transitionMs,
  envelopeStatus: chosen.envelopeStatus,
  faults: new Set(chosen.faults),
  ...(chosen.clockStart === undefined ? {} : { clockStart: chosen.clockStart }),
});
const mock = await startMock(options, chosen.port).catch((error: Error) => {
  process.stderr.write(`mock could not listen on port ${chosen.port}: ${error.message}\n`);
  process.exit(2);
});
const demo = demoFixtures(options.world);
const now = mock.context.clock.now();
const lines = [
  `Embedded Atlas listening on ${mock.baseUrl}`,
  `  clock   ${now.toISOString()} (era: ${mockEraAt(now).id})`,
  `  faults  ${chosen.faults.length === 0 ? 'none' : chosen.faults.join(', ')}`,
  '',
  'Demo values (also in .env.example; they only work on this mock):',
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
