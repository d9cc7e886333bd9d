/**
 * No key, secret, token or Authorization header reaches stdout, stderr, the Allure results and
 * report, the JUnit file, Playwright's output or anything else under the reports directory.
 *
 * The test plants secrets nobody else uses: a world file whose keys and service-account secret
 * are fresh random values, served by the mock started as a separate process. The suite runs
 * against it twice as a live target (digest, then OAuth), with the optional fixture keys set
 * and a planted fault so that failing checks attach their evidence, and everything written is
 * scanned for the secrets, the Basic credentials, bearer tokens and Authorization values.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { loadWorld } from '../fixtures/world.ts';
import { liveEnv, runCommand, startMockProcess, type MockProcess } from './live-harness.ts';

const planted = (what: string) => `planted-${what}-${randomBytes(12).toString('hex')}`;
const secrets = {
  owner: planted('owner'),
  reader: planted('reader'),
  fenced: planted('fenced'),
  serviceAccount: planted('sa'),
};

const world = loadWorld();
const [owner, reader, fenced] = world.apiKeys;
const [serviceAccount] = world.serviceAccounts;
assert.ok(owner && reader && fenced && serviceAccount, 'the demo world has its principals');
owner.privateKey = secrets.owner;
reader.privateKey = secrets.reader;
fenced.privateKey = secrets.fenced;
serviceAccount.clientSecret = secrets.serviceAccount;

const scratch = mkdtempSync(join(tmpdir(), 'secrets-leak-'));
const worldFile = join(scratch, 'world.json');
writeFileSync(worldFile, JSON.stringify(world));

/** Everything that would give a credential away, with a name for the failure message. */
const leakPatterns: [string, RegExp][] = [
  ...Object.entries(secrets).map(([name, value]): [string, RegExp] => [name, new RegExp(value)]),
  [
    'basic credentials',
    new RegExp(
      Buffer.from(`${serviceAccount.clientId}:${secrets.serviceAccount}`).toString('base64'),
    ),
  ],
  ['a JWT-shaped bearer token', /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{40,}\.[A-Za-z0-9_-]{40,}/],
  // A curl line's `Authorization: Bearer $ACCESS_TOKEN` names a variable: that is no leak.
  [
    'an Authorization value',
    /authorization["']?\s*[:=]\s*["']?(digest|bearer|basic)\s+(?!\$[A-Z_]+\b|<redacted>)\S/i,
  ],
];

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Where each pattern was found: `<place>: <pattern name>`. */
function leaksIn(places: Record<string, string>): string[] {
  const found: string[] = [];
  for (const [place, text] of Object.entries(places)) {
    for (const [name, pattern] of leakPatterns)
      if (pattern.test(text)) found.push(`${place}: ${name}`);
  }
  return found;
}

function writtenBy(reportsDir: string, run: { stdout: string; stderr: string }) {
  const places: Record<string, string> = { stdout: run.stdout, stderr: run.stderr };
  for (const file of [...filesUnder(reportsDir), ...filesUnder('test-results')]) {
    places[file] = readFileSync(file).toString('latin1');
  }
  return places;
}

let mock: MockProcess;
before(async () => {
  // A fault that fails checks but still refuses the preflight's empty create: a live run whose
  // preflight is answered 201 stops before any check (cli/preflight.ts).
  mock = await startMockProcess(['--world', worldFile, '--fault', 'name-pattern-unchecked']);
});
after(async () => mock.stop());

const fixtureKeys = {
  ATLAS_CONFORMANCE_ALLOW_CREATE: '1',
  ATLAS_CONFORMANCE_CREATE_BUDGET: '3',
  ATLAS_CONFORMANCE_NUM_RUNS: '3',
  ATLAS_CONFORMANCE_READONLY_PUBLIC_KEY: reader.publicKey,
  ATLAS_CONFORMANCE_READONLY_PRIVATE_KEY: secrets.reader,
  ATLAS_CONFORMANCE_FENCED_PUBLIC_KEY: fenced.publicKey,
  ATLAS_CONFORMANCE_FENCED_PRIVATE_KEY: secrets.fenced,
};

describe('secrets', { timeout: 300_000 }, () => {
  it('should be found by the scan when they are written (the scan can fail)', () => {
    const places = {
      'a log': `key ${secrets.owner}`,
      'a header dump': 'Authorization: Bearer abc',
    };
    assert.deepEqual(leaksIn(places), ['a log: owner', 'a header dump: an Authorization value']);
  });

  for (const auth of ['digest', 'oauth'] as const) {
    it(`should not reach anything a ${auth} run writes, failures included`, async () => {
      const env = liveEnv(mock.baseUrl, {
        ...fixtureKeys,
        ATLAS_CONFORMANCE_AUTH: auth,
        MONGODB_ATLAS_PRIVATE_KEY: secrets.owner,
        MONGODB_ATLAS_CLIENT_ID: serviceAccount.clientId,
        MONGODB_ATLAS_CLIENT_SECRET: secrets.serviceAccount,
      });
      const run = await runCommand('cli/conformance.ts', [], env);
      assert.equal(run.status, 1, `the planted fault fails a check\n${run.stdout}\n${run.stderr}`);
      const reportsDir = env.ATLAS_CONFORMANCE_REPORTS_DIR ?? '';
      const places = writtenBy(reportsDir, run);
      const attachments = Object.keys(places).filter((p) => p.includes('-attachment'));
      assert.ok(attachments.length > 0, 'failing checks attached their evidence');
      assert.deepEqual(leaksIn(places), []);
    });
  }
});
