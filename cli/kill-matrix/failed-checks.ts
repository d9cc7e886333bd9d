/**
 * Reads a Playwright JSON report and tells which checks failed.
 *
 * A failing test names the checks it caught by its messages: every assertion of the suite
 * starts a line with `<check>: ...` (fixtures/checks.ts), so a line starting with a known check
 * name names that check. A failure whose messages name none is charged to the check names in
 * its title path (the `test.describe` titles). An alarm is any test that did not end as
 * expected (failed, timed out, interrupted, or flaky).
 */
import { checkNames } from '../../mock/faults.ts';

interface JsonError {
  message?: string;
}
interface JsonResult {
  status: string;
  errors?: JsonError[];
  error?: JsonError;
}
interface JsonTest {
  status: 'expected' | 'unexpected' | 'flaky' | 'skipped';
  results: JsonResult[];
}
interface JsonSpec {
  title: string;
  tests: JsonTest[];
}
interface JsonSuite {
  title: string;
  specs?: JsonSpec[];
  suites?: JsonSuite[];
}
export interface JsonReport {
  suites?: JsonSuite[];
  errors?: JsonError[];
  stats?: { expected: number; unexpected: number; flaky: number; skipped: number };
}

export interface FailedTest {
  title: string;
  checks: string[];
  /** The first line of the first error, for the report. */
  firstError: string;
}

export interface SuiteOutcome {
  passed: number;
  skipped: number;
  failed: FailedTest[];
  /** Errors outside any test (a spec that does not load, a global timeout). */
  runErrors: string[];
}

const known = new Set<string>(checkNames);
const ansi = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

function checksInMessage(message: string): string[] {
  const found: string[] = [];
  for (const raw of message.replace(ansi, '').split('\n')) {
    const line = raw.replace(/^\s*(Error:\s*)?/, '');
    const name = /^([a-z_]+)\b/.exec(line)?.[1];
    if (name !== undefined && known.has(name)) found.push(name);
  }
  return found;
}

function messagesOf(test: JsonTest): string[] {
  const last = test.results.at(-1);
  const errors = last?.errors ?? (last?.error === undefined ? [] : [last.error]);
  return errors.map((e) => e.message ?? '').filter((m) => m !== '');
}

function failedTest(test: JsonTest, titlePath: string[]): FailedTest {
  const messages = messagesOf(test);
  const named = new Set(messages.flatMap(checksInMessage));
  if (named.size === 0) for (const title of titlePath) if (known.has(title)) named.add(title);
  const status = test.results.at(-1)?.status ?? test.status;
  const firstLine = messages[0]?.replace(ansi, '').split('\n')[0] ?? status;
  return {
    title: titlePath.filter((t) => t !== '').join(' › '),
    checks: named.size === 0 ? ['(no check name)'] : [...named].sort(),
    firstError: test.status === 'flaky' ? `flaky: ${firstLine}` : firstLine,
  };
}

export function outcomeOf(report: JsonReport): SuiteOutcome {
  const outcome: SuiteOutcome = { passed: 0, skipped: 0, failed: [], runErrors: [] };
  const walk = (suite: JsonSuite, path: string[]) => {
    const here = [...path, suite.title];
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        if (test.status === 'expected') outcome.passed += 1;
        else if (test.status === 'skipped') outcome.skipped += 1;
        else outcome.failed.push(failedTest(test, [...here, spec.title]));
      }
    }
    for (const child of suite.suites ?? []) walk(child, here);
  };
  for (const suite of report.suites ?? []) walk(suite, []);
  for (const error of report.errors ?? []) {
    outcome.runErrors.push((error.message ?? '').replace(ansi, '').split('\n')[0] ?? '');
  }
  return outcome;
}

/** Every check a run caught, sorted. */
export function caughtChecks(outcome: SuiteOutcome): string[] {
  return [...new Set(outcome.failed.flatMap((f) => f.checks))].sort();
}
