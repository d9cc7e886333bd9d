/**
 * What the report step does to a run's results before Allure sees them: labels, notes and
 * evidence first (fixtures/report-enrich.ts), the failure's description (report-evidence.ts),
 * and the check-by-check overview (report-overview.ts). On hand-made results in a temp dir.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { after, before, describe, it } from 'node:test';

import { runtimeAnnotationsSuffix } from '../fixtures/report-annotations.ts';
import { enrichResults, type AllureResult, type AllureStep } from '../fixtures/report-enrich.ts';
import { checkOverview, overviewCsv } from '../fixtures/report-overview.ts';

const curlLine =
  'curl -i --digest --user "$MONGODB_ATLAS_PUBLIC_KEY:$MONGODB_ATLAS_PRIVATE_KEY" ' +
  "-X POST 'http://127.0.0.1:1/x'";

function attachmentStep(name: string, source: string): AllureStep {
  return {
    name,
    steps: [],
    attachments: [{ name, source, type: 'text/plain' }],
    parameters: [],
    statusDetails: {},
  };
}

function result(uuid: string, status: string, check: string, steps: AllureStep[]): AllureResult {
  return {
    uuid,
    name: `test ${uuid}`,
    fullName: `x.spec.ts › ${check} › test ${uuid}`,
    status,
    labels: [{ name: 'check', value: check }],
    steps,
  };
}

describe('report enrichment', () => {
  let dir: string;
  let enriched: Map<string, AllureResult>;

  before(() => {
    dir = mkdtempSync(`${tmpdir()}/report-enrich-`);
    writeFileSync(`${dir}/c-attachment.txt`, curlLine);
    writeFileSync(`${dir}/e-attachment.txt`, 'POST http://127.0.0.1:1/x\n\nHTTP 201 (1 ms)');
    const failing = result('a', 'failed', 'negative_data_rejection', [
      attachmentStep('error-context', 'none.md'),
      {
        ...attachmentStep('After Hooks', 'none'),
        attachments: [],
        steps: [
          attachmentStep('last exchange 1: exchange', 'e-attachment.txt'),
          attachmentStep('last exchange 1: curl', 'c-attachment.txt'),
        ],
      },
    ]);
    const drifting = result('b', 'passed', 'ignored_auth', []);
    const skipped = result('c', 'skipped', 'ignored_auth', []);
    for (const r of [failing, drifting, skipped])
      writeFileSync(`${dir}/${r.uuid}-result.json`, JSON.stringify(r));
    writeFileSync(
      `${dir}/run1${runtimeAnnotationsSuffix}`,
      JSON.stringify({
        [failing.fullName ?? '']: [{ type: 'observed', description: 'name-invalid: 201' }],
        [drifting.fullName ?? '']: [{ type: 'documentation drift', description: 'error: x' }],
      }),
    );
    enriched = new Map(enrichResults(dir).map((r) => [r.uuid, r]));
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it("should label each test with its check's area and evidence level", () => {
    const labels = enriched.get('a')?.labels ?? [];
    assert.ok(labels.some((l) => l.name === 'area' && l.value === 'request validation'));
    assert.ok(labels.some((l) => l.name === 'evidence' && l.value === 'per scenario'));
  });

  it('should put notes first, then the evidence, then the rest', () => {
    const names = (enriched.get('a')?.steps ?? []).map((s) => s.name);
    assert.deepEqual(names, [
      'note · observed: name-invalid: 201',
      'last exchange 1: exchange',
      'last exchange 1: curl',
      'error-context',
    ]);
  });

  it('should open a failure on its curl line and exchange', () => {
    const description = enriched.get('a')?.description ?? '';
    assert.ok(description.startsWith('**Reproduce**'), description);
    assert.ok(description.includes(curlLine));
    assert.ok(description.includes('HTTP 201 (1 ms)'));
    assert.equal(enriched.get('b')?.description, undefined, 'a passed test needs no evidence');
  });

  it('should give each check the verdict of its worst test', () => {
    const rows = checkOverview([...enriched.values()]);
    assert.deepEqual(
      rows.map((r) => [r.check, r.verdict, r.tests, r.failed]),
      [
        ['ignored_auth', 'passed with drift', 2, 0],
        ['negative_data_rejection', 'failed', 1, 1],
      ],
    );
    assert.match(overviewCsv(rows), /^check,area,verdict,evidence,tests,failed\n/);
  });

  it('should change nothing more when run again', () => {
    const once = readFileSync(`${dir}/a-result.json`, 'utf8');
    enrichResults(dir);
    assert.equal(readFileSync(`${dir}/a-result.json`, 'utf8'), once);
  });
});
