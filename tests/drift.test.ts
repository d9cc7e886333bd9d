/**
 * `npm run drift`: every difference listed, known ones explained, bad input refused with one
 * line and exit 2. The published document is read from ../shared/reference when it exists.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const published = new URL('../../shared/reference/atlas-openapi-serverless.json', import.meta.url);
const hasPublished = existsSync(published);
const folder = mkdtempSync(join(tmpdir(), 'drift-'));

function drift(...args: string[]) {
  const run = spawnSync('npx', ['tsx', 'cli/drift.ts', ...args], { encoding: 'utf8' });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

// The published document's shape is deep and untyped; the variants edit it by known paths.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Spec = Record<string, any>;

function variant(name: string, change: (spec: Spec) => void): string {
  const spec = JSON.parse(readFileSync(published, 'utf8')) as Spec;
  change(spec);
  const file = join(folder, name);
  writeFileSync(file, JSON.stringify(spec));
  return file;
}

describe('drift', () => {
  const skip = hasPublished ? false : 'shared/reference/atlas-openapi-serverless.json is absent';

  it('should explain every difference with the published document', { skip }, () => {
    const { code, out } = drift('--spec', published.pathname);
    assert.equal(code, 0, out);
    assert.match(out, /status 409: contracts absent, spec documented/);
    assert.match(out, /duplicate name, is answered 400 DUPLICATE_CLUSTER_NAME/);
    assert.match(out, /nextBackupDate field: contracts declared, spec absent/);
    assert.match(out, /0 unexplained/);
  });

  it('should explain the name length limit of an older document', { skip }, () => {
    const file = variant('old.json', (spec) => {
      const name = spec.components.schemas.ServerlessInstanceDescriptionCreate.properties.name;
      name.minLength = 1;
      name.maxLength = 64;
    });
    const { code, out } = drift('--spec', file);
    assert.equal(code, 0, out);
    assert.match(out, /known +create-request \/name maxLength: contracts \(none\), spec 64/);
  });

  it('should report an unexplained difference and exit 1', { skip }, () => {
    const file = variant('changed.json', (spec) => {
      spec.components.schemas.ResourceTag.properties.key.maxLength = 128;
    });
    const { code, out } = drift('--spec', file);
    assert.equal(code, 1);
    assert.match(
      out,
      /unexplained +create-request \/tags\/\*\/key maxLength: contracts 255, spec 128/,
    );
  });

  for (const [name, make] of [
    ['a missing file', () => join(folder, 'absent.json')],
    [
      'invalid JSON',
      () => {
        writeFileSync(join(folder, 'broken.json'), '{"openapi": ');
        return join(folder, 'broken.json');
      },
    ],
    [
      'a document that is not OpenAPI',
      () => {
        writeFileSync(join(folder, 'swagger.json'), JSON.stringify({ swagger: '2.0', paths: {} }));
        return join(folder, 'swagger.json');
      },
    ],
  ] as const) {
    it(`should refuse ${name} with one line and exit 2`, () => {
      const { code, err } = drift('--spec', make());
      assert.equal(code, 2);
      assert.equal(err.trim().split('\n').length, 1, err);
    });
  }
});
