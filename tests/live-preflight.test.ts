/**
 * A target that accepts the preflight's empty create (`{}`, no name: every Atlas refuses it)
 * validates nothing, and whatever it made carries no run tag, so no sweep would find it. On a
 * live target the run stops there (exit 2) with one line naming what the answer named, deleted
 * when the answer gives its name, to be deleted by hand otherwise; on the embedded mock it is a
 * planted fault, warned about, and the checks catch it.
 *
 * A target that refuses the empty create without an Atlas error body is no Atlas at all: the
 * run stops (exit 2) with one line, before any check.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';

import { demo, listInstances, liveEnv, runCommand, startMockProcess } from './live-harness.ts';

const createPath = `/api/atlas/v2/groups/${demo.project.id}/serverless`;

/** A target that creates from any body: it answers the create with `created`. */
async function acceptingTarget(created: Record<string, unknown>) {
  return scriptedTarget((method, url) => {
    const isCreate = method === 'POST' && url === createPath;
    return [isCreate ? 201 : method === 'DELETE' ? 202 : 404, isCreate ? created : {}];
  });
}

/** A target answering each request with the status and JSON body `answer` gives. */
async function scriptedTarget(answer: (method: string, url: string) => [number, unknown]) {
  const received: string[] = [];
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      received.push(`${request.method} ${request.url}`);
      const [status, body] = answer(request.method ?? '', request.url ?? '');
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('a preflight create that the target accepts', { timeout: 120_000 }, () => {
  it('should stop a live run with one line, deleting what the answer names', async () => {
    const target = await acceptingTarget({ id: '6650a1b2c3d4e5f6a7b8c9ff', name: 'probe1' });
    try {
      const run = await runCommand('cli/conformance.ts', [], liveEnv(target.baseUrl));
      assert.equal(run.status, 2, `${run.stdout}\n${run.stderr}`);
      const lines = run.stderr.trim().split('\n');
      assert.equal(lines.length, 1, run.stderr);
      assert.match(
        lines[0] ?? '',
        new RegExp(
          String.raw`^error: preflight: .* answered 201 to a create with the ` +
            String.raw`empty body \{\}, .*must be refused; it answered name ` +
            String.raw`probe1, id 6650a1b2c3d4e5f6a7b8c9ff: deleted it \(202\)$`,
        ),
      );
      assert.ok(target.received.includes(`DELETE ${createPath}/probe1`), 'it was deleted');
      assert.doesNotMatch(run.stdout, /Running \d+ tests/, 'no check was started');
    } finally {
      await target.close();
    }
  });

  it('should say what must be deleted by hand when the answer names no instance', async () => {
    const target = await acceptingTarget({ id: '6650a1b2c3d4e5f6a7b8c9fe' });
    try {
      const run = await runCommand('cli/conformance.ts', [], liveEnv(target.baseUrl));
      assert.equal(run.status, 2, `${run.stdout}\n${run.stderr}`);
      assert.deepEqual(run.stderr.trim().split('\n').length, 1, run.stderr);
      assert.match(
        run.stderr,
        new RegExp(
          String.raw`it answered id 6650a1b2c3d4e5f6a7b8c9fe: anything it ` +
            String.raw`created carries no run tag and must be deleted by hand`,
        ),
      );
      assert.ok(!target.received.some((r) => r.startsWith('DELETE')), 'nothing named to delete');
    } finally {
      await target.close();
    }
  });

  it('should say the name was missing when the target wrote it as text', async () => {
    // validation-off creates `{}` under String(undefined), as a JavaScript server would.
    const mock = await startMockProcess(['--fault', 'validation-off']);
    try {
      const run = await runCommand('cli/conformance.ts', [], liveEnv(mock.baseUrl));
      assert.equal(run.status, 2, `${run.stdout}\n${run.stderr}`);
      assert.match(
        run.stderr.trim(),
        new RegExp(
          String.raw`^error: preflight: .*must be refused; it answered id ` +
            String.raw`[0-9a-f]{24} with no name \(it wrote the missing name as ` +
            String.raw`text\): deleted it \(202\)$`,
        ),
      );
      assert.doesNotMatch(run.stderr, /undefined/);
      const states = (await listInstances(mock.baseUrl)).map((instance) => instance.stateName);
      assert.deepEqual(states, ['DELETING'], 'what it created is being deleted');
    } finally {
      await mock.stop();
    }
  });

  it('should quote the name it wrote when deleting it by hand is left to a person', async () => {
    const created = { id: '6650a1b2c3d4e5f6a7b8c9fd', name: 'undefined' };
    const target = await scriptedTarget((method) =>
      method === 'POST' ? [201, created] : [500, { error: 500, errorCode: 'UNEXPECTED_ERROR' }],
    );
    try {
      const env = liveEnv(target.baseUrl, { ATLAS_CONFORMANCE_MAX_RETRIES: '0' });
      const run = await runCommand('cli/conformance.ts', [], env);
      assert.equal(run.status, 2, `${run.stdout}\n${run.stderr}`);
      assert.match(
        run.stderr.trim(),
        new RegExp(
          String.raw`it answered id 6650a1b2c3d4e5f6a7b8c9fd with no name \(it ` +
            String.raw`wrote the missing name as text\): deleting it answered 500; ` +
            String.raw`delete the instance named "undefined" in project ` +
            String.raw`[0-9a-f]{24} by hand$`,
        ),
      );
    } finally {
      await target.close();
    }
  });

  it('should only warn on the embedded mock, where the checks catch the fault', async () => {
    const env = liveEnv('', { ATLAS_MOCK_FAULTS: 'validation-off' });
    delete env.MONGODB_ATLAS_BASE_URL;
    const run = await runCommand('cli/conformance.ts', ['--grep', 'name-invalid'], env);
    assert.match(run.stderr, /warning: preflight: .* answered 201 to a create with the empty body/);
    assert.equal(run.status, 1, `the checks must catch it:\n${run.stdout}\n${run.stderr}`);
  });
});

describe('a preflight refusal without an Atlas error body', { timeout: 120_000 }, () => {
  it('should stop a live run with one line: the target does not answer like Atlas', async () => {
    const target = await scriptedTarget(() => [400, { error: 'nope' }]);
    try {
      const run = await runCommand('cli/conformance.ts', [], liveEnv(target.baseUrl));
      assert.equal(run.status, 2, `${run.stdout}\n${run.stderr}`);
      assert.equal(
        run.stderr.trim(),
        `error: preflight: ${target.baseUrl} answered 400 to an empty create, without an Atlas ` +
          'error body (an error equal to the status, or an UPPER_CASE errorCode): it does not ' +
          'answer like Atlas',
      );
      assert.doesNotMatch(run.stdout, /Endpoint: alive/);
      assert.doesNotMatch(run.stdout, /Running \d+ tests/, 'no check was started');
      assert.deepEqual(target.received, [`POST ${createPath}`], 'nothing but the preflight');
    } finally {
      await target.close();
    }
  });

  it('should let the checks judge an Atlas whose error bodies break the contract', async () => {
    // `error` as text ("400") breaks the error contract, yet the body is plainly Atlas's
    // refusal: a deviation for the checks to report (exit 1), not a target beyond judging.
    const mock = await startMockProcess(['--fault', 'error-number-as-string']);
    try {
      const run = await runCommand(
        'cli/conformance.ts',
        ['--grep', 'response_schema_conformance'],
        liveEnv(mock.baseUrl),
      );
      assert.match(run.stdout, /Endpoint: deprecated/);
      assert.equal(run.status, 1, `${run.stdout}\n${run.stderr}`);
    } finally {
      await mock.stop();
    }
  });
});
