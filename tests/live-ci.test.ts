/**
 * What a CI run of the suite leaves and how it treats its target, against the mock started as a
 * separate process and addressed by MONGODB_ATLAS_BASE_URL, through a recording proxy that sees
 * the whole run's traffic (runner, Playwright, workers) at one point, as the target would:
 * - the Markdown summary appended to $GITHUB_STEP_SUMMARY, and the JUnit report written;
 * - the OAuth token revoked at the end: every bearer token the run used is refused afterwards;
 * - politeness: the run's requests stay within ATLAS_CONFORMANCE_REQUESTS_PER_SECOND, and a
 *   Retry-After (the proxy answers the opening sweep's first list with a 429) is waited out.
 * One real `npm run conformance` run serves every test below.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import {
  demo,
  liveEnv,
  runCommand,
  startMockProcess,
  startRecordingProxy,
  type Finished,
  type MockProcess,
  type RecordingProxy,
} from './live-harness.ts';

const rate = 4;
const retryAfterSeconds = 2;
const listPath = `/api/atlas/v2/groups/${demo.project.id}/serverless`;
const earlierStep = '## an earlier step of the job\n';

let mock: MockProcess;
let proxy: RecordingProxy;
let run: Finished;
let env: NodeJS.ProcessEnv;
let stepSummary: string;
let injectedAt = -1;

before(async () => {
  mock = await startMockProcess();
  proxy = await startRecordingProxy(mock.baseUrl, (request, index) => {
    if (injectedAt >= 0 || request.method !== 'GET' || !request.path.startsWith(`${listPath}?`))
      return undefined;
    injectedAt = index;
    return {
      status: 429,
      headers: {
        'content-type': 'application/json',
        'retry-after': String(retryAfterSeconds),
        'ratelimit-remaining': '0',
      },
      body: JSON.stringify({
        detail: 'Too many requests.',
        error: 429,
        errorCode: 'RATE_LIMITED',
        parameters: [],
        reason: 'Too Many Requests',
      }),
    };
  });
  stepSummary = join(mkdtempSync(join(tmpdir(), 'step-summary-')), 'summary.md');
  writeFileSync(stepSummary, earlierStep);
  env = liveEnv(proxy.baseUrl, {
    ATLAS_CONFORMANCE_AUTH: 'oauth',
    MONGODB_ATLAS_CLIENT_ID: demo.serviceAccount.clientId,
    MONGODB_ATLAS_CLIENT_SECRET: demo.serviceAccount.clientSecret,
    ATLAS_CONFORMANCE_REQUESTS_PER_SECOND: String(rate),
    GITHUB_STEP_SUMMARY: stepSummary,
  });
  run = await runCommand(
    'cli/conformance.ts',
    ['--grep', 'version_negotiation|pretty_conformance'],
    env,
  );
});
after(async () => {
  await proxy?.close();
  await mock?.stop();
});

const reports = () => env.ATLAS_CONFORMANCE_REPORTS_DIR ?? '';

describe('a CI run against a live target', { timeout: 120_000 }, () => {
  it('should conform, so that what follows is about a normal run', () => {
    assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
  });

  it('should append its Markdown summary to $GITHUB_STEP_SUMMARY when that is set', () => {
    const summary = readFileSync(`${reports()}/summary.md`, 'utf8');
    assert.match(summary, /^## Conformance\n/);
    assert.match(summary, /\| `version_negotiation` \| ✅ passed \|/);
    assert.equal(readFileSync(stepSummary, 'utf8'), `${earlierStep}${summary}\n`);
  });

  it('should write a JUnit report of the checks beside the Allure results', () => {
    const file = `${reports()}/junit.xml`;
    assert.ok(existsSync(file), `${file} must exist`);
    const xml = readFileSync(file, 'utf8');
    const tests = Number(/<testsuites[^>]* tests="(\d+)"/.exec(xml)?.[1]);
    assert.ok(tests > 0, 'the JUnit report must count the tests');
    assert.match(xml, /<testsuites[^>]* failures="0"/);
    assert.match(xml, /<testcase name="[^"]*"[^>]*classname="version-negotiation\.spec\.ts"/);
  });

  it('should revoke at the end every OAuth token it used', async () => {
    const minted = proxy.seen.filter((r) => r.path === '/api/oauth/token');
    const revoked = proxy.seen.filter((r) => r.path === '/api/oauth/revoke');
    assert.ok(minted.length >= 1, 'the run must have fetched a token');
    assert.ok(revoked.length >= 1, 'the run must have asked for the revocation');
    const tokens = [...new Set(proxy.seen.flatMap((r) => (r.bearer ? [r.bearer] : [])))];
    assert.ok(tokens.length >= 1, 'the run must have used a bearer token');

    const tryToken = async (token: string) =>
      (
        await fetch(new URL(`${listPath}?itemsPerPage=1`, mock.baseUrl), {
          headers: {
            Accept: 'application/vnd.atlas.2023-01-01+json',
            Authorization: `Bearer ${token}`,
          },
        })
      ).status;
    // A token nobody revoked gets through: so a 401 below means "revoked".
    const basic = Buffer.from(
      `${demo.serviceAccount.clientId}:${demo.serviceAccount.clientSecret}`,
    ).toString('base64');
    const fresh = await fetch(new URL('/api/oauth/token', mock.baseUrl), {
      method: 'POST',
      headers: {
        Authorization: `Basic ${basic}`,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
    const { access_token: control } = (await fresh.json()) as { access_token: string };
    assert.equal(await tryToken(control), 200);
    for (const token of tokens) assert.equal(await tryToken(token), 401, 'a used token was kept');
  });

  it('should keep the whole run under its request rate', () => {
    const api = proxy.seen.filter((r) => r.path.startsWith('/api/'));
    assert.ok(api.length >= 15, `the run must send enough requests to judge: ${api.length}`);
    // Any two seconds hold at most two seconds' worth, plus one slot of each of the two
    // workers' pacers that a window may catch at both ends.
    const times = api.map((r) => r.at).sort((a, b) => a - b);
    const windowMs = 2_000;
    let busiest = 0;
    for (const [index, start] of times.entries()) {
      const inWindow = times.slice(index).filter((t) => t < start + windowMs).length;
      busiest = Math.max(busiest, inWindow);
    }
    assert.ok(busiest <= rate * 2 + 2, `${busiest} requests in ${windowMs} ms at ${rate}/s`);
  });

  it('should wait out a Retry-After before sending anything again', () => {
    assert.ok(injectedAt >= 0, 'the opening sweep must have listed the project');
    const refused = proxy.seen.find((r) => r.status === 429);
    assert.ok(refused, 'the 429 must be recorded');
    const next = proxy.seen.filter((r) => r.at > refused.at).sort((a, b) => a.at - b.at)[0];
    assert.ok(next, 'the run must have gone on after the 429');
    assert.equal(next.path, refused.path, 'the refused list must be asked again');
    const waited = next.at - refused.answeredAt;
    assert.ok(waited >= retryAfterSeconds * 1000 - 20, `waited ${waited} ms`);
  });
});
