/**
 * `npm run validate`: one line per response, exit 1 on a deviation, 2 on input it cannot read.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const host = 'https://cloud.mongodb.com';
const folder = mkdtempSync(join(tmpdir(), 'validate-'));

function write(name: string, content: unknown): string {
  const file = join(folder, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

function validate(...args: string[]) {
  const run = spawnSync('npx', ['tsx', 'cli/validate.ts', ...args], { encoding: 'utf8' });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

const instance = {
  name: 'acs',
  providerSettings: {
    backingProviderName: 'AWS',
    regionName: 'US_EAST_1',
    effectiveInstanceSizeName: 'FLEX',
  },
};

describe('validate', () => {
  it('should print one line per response and exit 0 when nothing deviates', () => {
    const file = write('ok.json', [
      { status: 201, headers: {}, body: instance },
      { status: 202, headers: {}, body: {} },
    ]);
    const { code, out } = validate(file);
    assert.equal(code, 0);
    const lines = out.trim().split('\n');
    assert.equal(lines.length, 2);
    assert.match(
      lines[0] ?? '',
      /201 instance: documentation drift: \/providerSettings\/effectiveInstanceSizeName enum/,
    );
    assert.match(lines[1] ?? '', /202 request-accepted: conformant/);
  });

  it('should exit 1 and name the rule and pointer of a deviation', () => {
    const file = write('bad.json', { status: 404, headers: {}, body: { errorCode: 'X' } });
    const { code, out } = validate(file);
    assert.equal(code, 1);
    assert.match(out, /404 error: deviation: \/ required/);
  });

  it('should fail on drift in strict mode only', () => {
    const file = write('drift.json', { status: 201, body: instance });
    assert.equal(validate(file).code, 0);
    assert.equal(validate('--strictness', 'fail', file).code, 1);
  });

  it('should read a HAR file and choose the contract by the operation', () => {
    const har = {
      log: {
        entries: [
          {
            request: {
              method: 'GET',
              url:
                'https://cloud.mongodb.com/api/atlas/v2/groups/' +
                '32b6e34b3d91647abb20e7b8/serverless',
            },
            response: { status: 200, content: { text: JSON.stringify({ results: {} }) } },
          },
        ],
      },
    };
    const { code, out } = validate(write('capture.har', har));
    assert.equal(code, 1);
    assert.match(out, /200 list: deviation: \/results type/);
  });

  it('should judge the headers of a HAR entry: media type and X-Error-Code', () => {
    const url = `${host}/api/atlas/v2/groups/32b6e34b3d91647abb20e7b8/serverless`;
    const error = { error: 400, errorCode: 'MISSING_ATTRIBUTE', detail: 'x', parameters: [] };
    const entry = (headers: { name: string; value: string }[], body: unknown) => ({
      request: { method: 'POST', url },
      response: { status: 400, headers, content: { text: JSON.stringify(body) } },
    });
    const har = {
      log: {
        entries: [
          entry([{ name: 'Content-Type', value: 'application/json' }], error),
          entry([{ name: 'x-error-code', value: 'INVALID_REGION' }], error),
          entry([{ name: 'content-type', value: 'text/plain' }], error),
        ],
      },
    };
    const { code, out } = validate(write('headers.har', har));
    assert.equal(code, 1);
    const lines = out.trim().split('\n');
    assert.match(lines[0] ?? '', /400 error: conformant$/);
    assert.match(lines[1] ?? '', /400 error: deviation: header:X-Error-Code x-error-code/);
    assert.match(lines[2] ?? '', /400 error: deviation: header:Content-Type media-type/);
  });

  it('should judge empty and HTML bodies by what Atlas is recorded to answer', () => {
    const file = write('bodiless.json', [
      { status: 405, headers: { Allow: 'POST,GET,OPTIONS' } },
      { status: 502, headers: { 'Content-Type': 'text/html' }, body: '<html>Bad Gateway</html>' },
      { status: 400, headers: { 'Content-Type': 'text/html' }, body: '<html>oops</html>' },
    ]);
    const { code, out } = validate(file);
    assert.equal(code, 1);
    const lines = out.trim().split('\n');
    assert.match(lines[0] ?? '', /405 method-not-allowed: documentation drift/);
    assert.match(lines[1] ?? '', /502 gateway-page: documentation drift/);
    assert.match(lines[2] ?? '', /400 error: deviation: \/ json/);
  });

  it('should refuse headers that are not a map of strings with exit 2', () => {
    const { code, err } = validate(write('headers.json', { status: 201, headers: [1], body: {} }));
    assert.equal(code, 2);
    assert.match(err, /headers must map names to strings/);
  });

  for (const [name, make] of [
    ['a missing file', () => join(folder, 'absent.json')],
    ['invalid JSON', () => write('broken.json', '{"status": ')],
    ['a document of no known shape', () => write('shape.json', { hello: 'world' })],
  ] as const) {
    it(`should refuse ${name} with one line and exit 2`, () => {
      const { code, err } = validate(make());
      assert.equal(code, 2);
      assert.equal(err.trim().split('\n').length, 1, err);
    });
  }
});
