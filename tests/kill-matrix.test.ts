/**
 * The suite tests itself (issue 6): every planted fault is caught by the check meant to catch
 * it, the correct mock raises no alarm with three different seeds, and the same seed gives the
 * same verdict. The whole matrix runs here (several minutes) and refreshes reports/kill-matrix.*.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

import { outcomeOf, type JsonReport } from '../cli/kill-matrix/failed-checks.ts';
import { runMatrix, type Matrix, type MatrixRow } from '../cli/kill-matrix/matrix.ts';
import { matrixMarkdownFile, writeMatrix } from '../cli/kill-matrix/matrix-report.ts';
import { matrixSettingsFrom } from '../cli/kill-matrix/matrix-settings.ts';
import { checkNames, faultCatalogue, type FaultId } from '../mock/faults.ts';
import { requestFaults } from '../mock/faults/request-faults.ts';
import { routeFaultIds } from '../mock/faults/route-faults.ts';
import { wireFaults } from '../mock/faults/wire-faults.ts';

const faultIds = Object.keys(faultCatalogue) as FaultId[];

/** The check names the specs declare: each spec's `test.describe('<check>', ...)`. */
function specCheckNames(): string[] {
  const names = new Set<string>();
  for (const file of readdirSync('specs').filter((f) => f.endsWith('.spec.ts'))) {
    const text = readFileSync(`specs/${file}`, 'utf8');
    for (const match of text.matchAll(/test\.describe\('([a-z_]+)'/g)) names.add(match[1] ?? '');
  }
  return [...names].sort();
}

function describeRows(rows: MatrixRow[]): string {
  return rows
    .map((row) => {
      const tests = row.failedTests.map((t) => `    ${t.title}: ${t.firstError}`).join('\n');
      const errors = row.runErrors.map((e) => `    run error: ${e}`).join('\n');
      return (
        `  ${row.fault ?? 'correct mock'} (seed ${row.seed}): ${row.verdict}, caught by ` +
        `[${row.caughtBy.join(', ')}]\n${tests}\n${errors}`
      );
    })
    .join('\n');
}

describe('the planted faults', () => {
  it('should number at least 30, each named after a check of the suite', () => {
    assert.ok(faultIds.length >= 30, `${faultIds.length} faults`);
    for (const id of faultIds) {
      assert.ok(
        (checkNames as readonly string[]).includes(faultCatalogue[id].caughtBy),
        `${id} names an unknown check`,
      );
    }
  });

  it('should give every check of specs/ at least one fault meant for it', () => {
    const declared = specCheckNames();
    assert.ok(declared.length >= 17, `only ${declared.length} checks found in specs/`);
    assert.deepEqual(declared, [...checkNames].sort(), 'specs/ and checkNames must agree');
    const meant = new Set(faultIds.map((id) => faultCatalogue[id].caughtBy));
    const orphans = declared.filter((check) => !meant.has(check as (typeof checkNames)[number]));
    assert.deepEqual(orphans, [], `checks no fault is meant for: ${orphans.join(', ')}`);
  });

  it('should each be planted by exactly one mechanism', () => {
    for (const id of faultIds) {
      const ways = [id in wireFaults, id in requestFaults, routeFaultIds.includes(id)];
      assert.equal(ways.filter(Boolean).length, 1, `${id} is planted ${ways.join('/')} ways`);
    }
  });
});

describe('reading a Playwright report', () => {
  it('should charge a failure to the checks its messages name, else to its title', () => {
    const report: JsonReport = {
      suites: [
        {
          title: 'positive-data-acceptance.spec.ts',
          suites: [
            {
              title: 'positive_data_acceptance',
              specs: [
                {
                  title: 'should create',
                  tests: [
                    {
                      status: 'unexpected',
                      results: [
                        {
                          status: 'failed',
                          errors: [
                            {
                              message:
                                'Error: response_schema_conformance: the instance body must ' +
                                'satisfy its contract\n\nexpect(received).toBe(expected)',
                            },
                          ],
                        },
                      ],
                    },
                  ],
                },
                {
                  title: 'should echo',
                  tests: [
                    {
                      status: 'unexpected',
                      results: [{ status: 'failed', errors: [{ message: 'Error: tags differ' }] }],
                    },
                  ],
                },
                { title: 'passes', tests: [{ status: 'expected', results: [] }] },
              ],
            },
          ],
        },
      ],
    };
    const outcome = outcomeOf(report);
    assert.equal(outcome.passed, 1);
    assert.deepEqual(
      outcome.failed.map((f) => f.checks),
      [['response_schema_conformance'], ['positive_data_acceptance']],
    );
  });
});

describe('the kill matrix', () => {
  let matrix: Matrix | undefined;

  it('should run every fault and the correct mock, and write the matrix', async () => {
    const settings = matrixSettingsFrom([]);
    matrix = await runMatrix(settings, (row, done, total) => {
      process.stdout.write(`[${done}/${total}] ${row.verdict} ${row.fault ?? 'correct'}\n`);
    });
    writeMatrix(matrix);
    process.stdout.write(`kill matrix: ${matrix.wallSeconds} s, ${matrixMarkdownFile}\n`);
    const faultRows = matrix.rows.filter((row) => row.kind === 'fault');
    assert.equal(faultRows.length, faultIds.length);
  });

  it('should catch every fault with the check meant to catch it', () => {
    assert.ok(matrix !== undefined, 'the matrix did not run');
    const escaped = matrix.rows.filter((row) => row.kind === 'fault' && row.verdict !== 'caught');
    assert.equal(escaped.length, 0, `escaped:\n${describeRows(escaped)}`);
  });

  it('should raise no alarm on the correct mock, with three different seeds', () => {
    assert.ok(matrix !== undefined, 'the matrix did not run');
    const correct = matrix.rows.filter((row) => row.kind === 'correct');
    assert.ok(new Set(correct.map((row) => row.seed)).size >= 3, 'three seeds');
    const alarms = correct.filter((row) => row.verdict !== 'no alarm');
    assert.equal(alarms.length, 0, `alarms:\n${describeRows(alarms)}`);
  });

  it('should give the same verdict for the same seed', () => {
    assert.ok(matrix !== undefined, 'the matrix did not run');
    const repeats = matrix.rows.filter((row) => row.kind === 'repeat');
    assert.ok(repeats.length > 0, 'no fault was repeated');
    const changed = repeats.filter((row) => row.verdict !== 'same verdict');
    assert.equal(changed.length, 0, `changed:\n${describeRows(changed)}`);
  });
});
