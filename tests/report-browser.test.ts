/**
 * The Allure report as a reader sees it, in a real browser (Debian's Chromium, driven by
 * Playwright): a small run against the embedded mock with three planted faults (validation
 * switched off, for negative_data_rejection; auth not enforced, for ignored_auth; a 500 on
 * non-ASCII bodies, for not_a_server_error), the report generated from it, served over http
 * (the report loads its data with fetch), then read page by page: the counts, the environment
 * panel, every category the run's failures fall in (as Allure's own matcher sorts them), the
 * planted failure with its curl line, the check overview. Screenshots: reports/report-browser/.
 *
 * Skipped, loudly, when /usr/bin/chromium is missing (CI installs it: `apt-get install -y
 * chromium`). The run writes under its own reports directory, so a conformance run going on
 * beside it keeps its own results.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';

import { matchCategory, normalizeCategoriesConfig } from '@allurereport/core-api';
import { chromium, type Browser, type Page } from '@playwright/test';

import { buildAllureReport, type GeneratedReport } from '../cli/allure-report.ts';
import { embeddedMockOptionsFromEnv } from '../cli/embedded-mock-env.ts';
import { reportCategories } from '../fixtures/report-categories.ts';
import { resultFiles, type AllureResult } from '../fixtures/report-enrich.ts';
import { reportPaths } from '../fixtures/report-paths.ts';
import { demoFixtures } from '../fixtures/world.ts';
import { defaultMockOptions, startMock, type RunningMock } from '../mock/server.ts';
import { serveDirectory, type StaticServer } from './report-static-server.ts';

const chromiumPath = '/usr/bin/chromium';
const noChromium = existsSync(chromiumPath)
  ? false
  : `SKIPPED: ${chromiumPath} is missing; install Debian's chromium (apt-get install -y chromium)`;
if (noChromium) process.stderr.write(`\n*** report-browser.test.ts ${noChromium} ***\n\n`);

const root = 'reports/report-browser';
const env: NodeJS.ProcessEnv = {
  ...process.env,
  ATLAS_CONFORMANCE_REPORTS_DIR: root,
  ATLAS_CONFORMANCE_NUM_RUNS: '3',
  ATLAS_CONFORMANCE_WORKERS: '2',
};
const paths = reportPaths(env);
// Three planted failures in three categories, one check that passes: small and fast.
const faults = 'validation-off,auth-not-enforced,server-error-on-unicode';
const specs = [
  'specs/negative-data-rejection.spec.ts',
  'specs/ignored-auth.spec.ts',
  'specs/not-a-server-error.spec.ts',
  'specs/version-negotiation.spec.ts',
];
const grep = 'name-invalid|ignored_auth|not_a_server_error|version_negotiation';
const rules = normalizeCategoriesConfig({
  rules: reportCategories.map(({ id, name, matchers }) => ({ id, name, matchers })),
});

/** How many tests each category holds, as Allure's matcher files the results. */
function countCategories(results: AllureResult[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const result of results) {
    const name = matchCategory(rules, {
      status: result.status as 'failed',
      message: result.statusDetails?.message,
      flaky: false,
      labels: result.labels,
    })?.name;
    if (name !== undefined) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

async function runSuite(mock: RunningMock, demo: ReturnType<typeof demoFixtures>) {
  const run = spawn('npx', ['playwright', 'test', ...specs, '--grep', grep], {
    env: {
      ...env,
      MONGODB_ATLAS_BASE_URL: mock.baseUrl,
      ATLAS_CONFORMANCE_TARGET_IS_MOCK: '1',
      MONGODB_ATLAS_PROJECT_ID: demo.project.id,
      MONGODB_ATLAS_PUBLIC_KEY: demo.owner.publicKey,
      MONGODB_ATLAS_PRIVATE_KEY: demo.owner.privateKey,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  run.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  run.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [status] = (await once(run, 'exit')) as [number | null];
  return { status, output };
}

function countStatuses(results: AllureResult[]) {
  const count = (status: string) => results.filter((r) => r.status === status).length;
  return { total: results.length, failed: count('failed'), passed: count('passed') };
}

const bodyText = (page: Page) => page.locator('body').innerText();

describe('the Allure report in headless Chromium', { skip: noChromium }, () => {
  let mock: RunningMock;
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  let report: GeneratedReport;
  let expected: { total: number; failed: number; passed: number };
  let categories: Map<string, number>;
  let privateKey: string;

  before(async () => {
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
    const options = defaultMockOptions(embeddedMockOptionsFromEnv({ ATLAS_MOCK_FAULTS: faults }));
    mock = await startMock(options);
    const demo = demoFixtures(options.world);
    privateKey = demo.owner.privateKey;
    const run = await runSuite(mock, demo);
    assert.equal(run.status, 1, `the planted fault must fail the run:\n${run.output}`);

    // Twice, as two runs would: the second report must show the first in its history.
    assert.ok(buildAllureReport(paths.results, paths.report, env).generated);
    report = buildAllureReport(paths.results, paths.report, env);
    assert.ok(report.generated, 'the report must be generated');
    const results = resultFiles(paths.results).map(
      (f) => JSON.parse(readFileSync(f, 'utf8')) as AllureResult,
    );
    expected = countStatuses(results);
    categories = countCategories(results);
    server = await serveDirectory(paths.report);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await mock?.close();
  });

  it('should show the counts of the run on the first page', async () => {
    assert.ok(expected.failed >= 1 && expected.passed >= 1, JSON.stringify(expected));
    await page.goto(server.url);
    await page.getByText('Metadata').first().waitFor();
    const text = await bodyText(page);
    assert.match(text, new RegExp(`Total\\s+${expected.total}\\b`));
    assert.match(text, new RegExp(`Failed\\s+${expected.failed}\\b`));
    assert.match(text, new RegExp(`Passed\\s+${expected.passed}\\b`));
    await page.screenshot({ path: `${root}/overview.png` });
  });

  it('should state target, API version, era, contract, suite and seed, no secret', async () => {
    await page.goto(server.url);
    await page.getByText('Show more').first().click();
    const text = await bodyText(page);
    assert.match(text, new RegExp(`Target\\s+${mock.baseUrl.replace(/\./g, '\\.')} \\(embedded`));
    assert.match(text, /API version\s+application\/vnd\.atlas\.2023-01-01\+json/);
    assert.match(text, /Era\s+deprecated \(target date 2025-12-15/);
    assert.match(text, /Contract version\s+sha256:[0-9a-f]{12}/);
    assert.match(text, /Contract source\s+Atlas Admin API v2/);
    assert.match(text, /Suite version\s+atlas-serverless-conformance \d+\.\d+\.\d+/);
    assert.match(text, /Seed\s+-?\d+ \(drawn for this run\)/);
    assert.ok(!text.includes(privateKey), 'the private key must not reach the report');
  });

  it('should show every category the failures fall in, with its count', async () => {
    assert.deepEqual(
      ['Authentication', 'Contract deviation', 'Server error'].filter((c) => !categories.has(c)),
      [],
      `each planted fault must land in its category: ${JSON.stringify([...categories])}`,
    );
    await page.goto(`${server.url}#categories`);
    await page.getByText('Contract deviation').first().waitFor();
    const text = await bodyText(page);
    for (const [name, count] of categories) {
      assert.match(text, new RegExp(`${name}\\s+${count}\\b`), `category ${name}`);
    }
    assert.match(text, /should refuse every request of the kind name-invalid/);
    await page.screenshot({ path: `${root}/categories.png` });
  });

  it('should open the planted failure on its curl line', async () => {
    await page.goto(server.url);
    // The search finds the test however the tree is folded.
    await page.getByPlaceholder('Search tests').fill('name-invalid');
    await page.getByText('should refuse every request of the kind name-invalid').first().click();
    await page.getByText('Category: Contract deviation').first().waitFor();
    const description = page.frameLocator('iframe').first();
    const curl = description.getByText(/curl -i --digest/).first();
    await curl.waitFor();
    const line = await curl.innerText();
    assert.match(line, /-X POST '.*\/api\/atlas\/v2\/groups\/[0-9a-f]{24}\/serverless'/);
    assert.match(line, /\$MONGODB_ATLAS_PUBLIC_KEY:\$MONGODB_ATLAS_PRIVATE_KEY/);
    assert.ok(!line.includes(privateKey), 'the curl line must name the key, not hold it');
    await page.getByText('Description').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${root}/failure.png` });
  });

  it('should keep the history of earlier runs', async () => {
    const lines = readFileSync(paths.history, 'utf8').trim().split('\n');
    assert.equal(lines.length, 2, 'one history line per generated report');
    await page.goto(server.url);
    await page.getByPlaceholder('Search tests').fill('name-invalid');
    await page.getByText('should refuse every request of the kind name-invalid').first().click();
    await page.getByText('Category: Contract deviation').first().waitFor();
    assert.match(await bodyText(page), /History\s+1\b/);
  });

  it('should list every check with its area, verdict and evidence', async () => {
    const rejection = report.overview.find((r) => r.check === 'negative_data_rejection');
    assert.deepEqual(rejection && [rejection.area, rejection.verdict, rejection.evidence], [
      'request validation',
      'failed',
      'per scenario',
    ]);
    const verdictOf = (check: string) => report.overview.find((r) => r.check === check)?.verdict;
    assert.equal(verdictOf('ignored_auth'), 'failed');
    assert.match(verdictOf('version_negotiation') ?? '', /^passed/);
    await page.goto(`${server.url}#globalAttachments`);
    await page.getByText('Check overview').first().click();
    await page.getByText('negative_data_rejection').first().waitFor();
    const text = await bodyText(page);
    assert.match(text, /negative_data_rejection\s+request validation\s+failed\s+per scenario/);
    assert.match(text, /ignored_auth\s+authentication and authorization\s+failed/);
    assert.match(text, /version_negotiation\s+versioning and sunset\s+passed/);
  });
});
