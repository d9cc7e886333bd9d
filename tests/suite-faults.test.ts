/**
 * Each check must fail against a mock that breaks its rule, and only because of it: a few
 * planted faults (mock/faults.ts), each against the spec of the check meant to catch it. The
 * full fault-by-check matrix is the kill matrix's (npm run kill-matrix); these guard the checks
 * whose rule depends on the era, on a fixture only the mock's world has, or on a control only
 * the mock has, and the checks that once had no fault of their own.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { runSuite } from './suite-runner.ts';

const cases = [
  { fault: 'deprecation-headers-missing', check: 'response_headers_conformance' },
  { fault: 'no-410-after-sunset', check: 'sunset', clock: '2026-03-01T00:00:00Z' },
  { fault: 'rate-limit-without-retry-after', check: 'rate_limit' },
  { fault: 'role-not-enforced', check: 'authorization' },
  // The expired token is aged by the mock's control endpoint, which only the embedded mock has.
  { fault: 'token-expiry-ignored', check: 'ignored_auth' },
  { fault: 'validation-status-422', check: 'status_code_conformance' },
  { fault: 'error-reason-wrong', check: 'response_schema_conformance' },
];

describe('the checks against planted faults', () => {
  for (const { fault, check, clock } of cases) {
    it(`should fail ${check} when the mock has the fault ${fault}`, async () => {
      const spec = `specs/${check.replaceAll('_', '-')}.spec.ts`;
      const outcome = await runSuite([spec], { faults: fault, ...(clock ? { clock } : {}) });
      const failed = [...outcome.tests].filter(([, s]) => s === 'failed').map(([t]) => t);
      assert.equal(outcome.exitCode, 1, outcome.output.slice(-2000));
      assert.ok(
        failed.some((title) => title.startsWith(`${check} ›`)),
        `${check} must fail; failed: ${failed.join(', ') || 'none'}`,
      );
    });
  }

  // Header faults the catalogue leaves out, planted by rewriting the mock's answers.
  const headerFaults: [string, string, string][] = [
    ['an X-Error-Code that disagrees with the body', 'X-Error-Code', 'OTHER_CODE'],
    ['a Retry-After that is not a number', 'Retry-After', 'soon'],
    ['a Date that is not an HTTP date', 'Date', '2025-12-15T00:00:00Z'],
  ];
  for (const [label, header, value] of headerFaults) {
    it(`should fail response_headers_conformance on ${label}`, async () => {
      const outcome = await runSuite(['specs/response-headers-conformance.spec.ts'], {
        tamper: (app) =>
          app.addHook('onSend', async (request, reply, payload) => {
            // Only authenticated answers: the era is read from an unauthenticated one.
            if (request.headers.authorization !== undefined) reply.header(header, value);
            return payload;
          }),
      });
      const failed = [...outcome.tests].filter(([, s]) => s === 'failed').map(([t]) => t);
      assert.equal(outcome.exitCode, 1, outcome.output.slice(-2000));
      assert.ok(failed[0]?.startsWith('response_headers_conformance ›'), failed.join(', '));
    });
  }
});
