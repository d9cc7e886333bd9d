/**
 * The report's categories, judged by Allure's own matcher (@allurereport/core-api, the code
 * the Awesome report runs): each kind of failure message the suite produces lands in the
 * category a reader expects, and the first matching category wins.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { matchCategory, normalizeCategoriesConfig } from '@allurereport/core-api';

import { reportCategories } from '../fixtures/report-categories.ts';

const rules = normalizeCategoriesConfig({
  rules: reportCategories.map(({ id, name, matchers }) => ({ id, name, matchers })),
});

function categoryOf(
  status: 'failed' | 'broken' | 'passed',
  message: string | undefined,
  labels: Record<string, string> = {},
): string | undefined {
  const data = {
    status,
    message,
    flaky: false,
    labels: Object.entries(labels).map(([name, value]) => ({ name, value })),
  };
  return matchCategory(rules, data)?.name;
}

// Messages as fixtures/checks.ts, fixtures/property.ts and lib/atlas-client.ts word them.
const deviation =
  'negative_data_rejection (empty): name breaks ^[a-zA-Z0-9][a-zA-Z0-9-]*$ must be answered ' +
  '400 CLUSTER_NAME_INVALID/INVALID_ATTRIBUTE, not 201 (no errorCode)';
const serverError =
  'negative_data_rejection (empty): name breaks the pattern must be answered 400 ' +
  'CLUSTER_NAME_INVALID, not 500 UNEXPECTED_ERROR';
const refused =
  'positive_data_acceptance: a valid body must be answered 201, not 401 (no errorCode)';
const drift = 'response_schema_conformance: the instance body must satisfy its contract (drift)';
const schemaDeviation =
  'response_schema_conformance: the instance body must satisfy its contract (deviation)';

describe('report categories', () => {
  it('should file a broken rule as a contract deviation', () => {
    assert.equal(categoryOf('failed', deviation), 'Contract deviation');
    assert.equal(categoryOf('failed', schemaDeviation), 'Contract deviation');
  });

  it('should file a property failure by the check message it wraps', () => {
    const header = 'invalid names are refused failed (seed 1, path 0:0, after 1 runs)';
    const wrapped = `${header}\n${serverError}`;
    assert.equal(categoryOf('failed', wrapped), 'Server error');
  });

  it('should file a 5xx answer and a not_a_server_error failure as a server error', () => {
    assert.equal(categoryOf('failed', serverError), 'Server error');
    assert.equal(
      categoryOf('failed', 'any message', { check: 'not_a_server_error' }),
      'Server error',
    );
  });

  it("should file a refusal of the run's credentials and auth checks as authentication", () => {
    assert.equal(categoryOf('failed', refused), 'Authentication');
    assert.equal(categoryOf('failed', 'anything', { check: 'ignored_auth' }), 'Authentication');
    assert.equal(
      categoryOf('failed', 'the token endpoint answered 401: check MONGODB_ATLAS_CLIENT_ID'),
      'Authentication',
    );
  });

  it('should file drift apart: failed in strict mode, passed with a warning in warn', () => {
    assert.equal(categoryOf('failed', drift), 'Documentation drift');
    assert.equal(categoryOf('passed', undefined, { drift: 'warned' }), 'Documentation drift');
  });

  it('should file an unreachable target or a timeout as infrastructure first', () => {
    const unreachable = 'POST http://127.0.0.1:9 could not be reached: ECONNREFUSED';
    assert.equal(categoryOf('failed', unreachable), 'Target unavailable or infrastructure');
    assert.equal(
      categoryOf('broken', 'Test timeout of 180000ms exceeded.', { check: 'ignored_auth' }),
      'Target unavailable or infrastructure',
    );
  });

  it('should leave a plain passed test out of every category', () => {
    assert.equal(categoryOf('passed', undefined, { check: 'ignored_auth' }), undefined);
  });
});
