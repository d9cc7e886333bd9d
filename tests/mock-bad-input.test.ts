/**
 * Bad input never crashes the mock nor gets a 500: malformed JSON, a wrong Content-Type, an
 * oversized body, invalid UTF-8, deep nesting, unknown routes and methods, an undecodable URL.
 * Each answer is Atlas-shaped (error, reason, detail; errorCode where Atlas sends one).
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';

import { maxBodyBytes } from '../mock/server.ts';
import { demo, MockHarness, projectPath, type Answer } from './mock-harness.ts';

const mock = new MockHarness();
after(() => mock.close());
const serverless = `${projectPath()}/serverless`;
const json = { 'content-type': 'application/json' };

function assertAtlasError(answer: Answer, status: number, errorCode?: string) {
  assert.equal(answer.status, status, answer.text.slice(0, 300));
  const body = answer.json();
  assert.equal(body.error, status);
  assert.equal(typeof body.reason, 'string');
  assert.equal(typeof body.detail, 'string');
  assert.equal(body.errorCode, errorCode);
  assert.equal(answer.headers['content-type'], 'application/json');
}

describe('mock answers to bad input', () => {
  it('should answer 400 MALFORMED_JSON to text that is not JSON', async () => {
    for (const rawBody of ['{"name":', 'not json', '', '{"a":1}{"b":2}']) {
      const answer = await mock.call('POST', serverless, { rawBody, headers: json });
      assertAtlasError(answer, 400, 'MALFORMED_JSON');
      assert.equal(answer.headers['x-error-code'], 'MALFORMED_JSON');
    }
  });

  it('should answer 400 MALFORMED_JSON to invalid UTF-8 instead of replacing bytes', async () => {
    const rawBody = Buffer.concat([
      Buffer.from('{"name":"a'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('","providerSettings":{"backingProviderName":"AWS","regionName":"US_EAST_1"}}'),
    ]);
    assertAtlasError(
      await mock.call('POST', serverless, { rawBody, headers: json }),
      400,
      'MALFORMED_JSON',
    );
  });

  it('should read a body that starts with a UTF-8 byte order mark, as Jackson does', async () => {
    const body =
      '{"name":"withBom","providerSettings":{"backingProviderName":"AWS",' +
      '"regionName":"US_EAST_1"}}';
    const rawBody = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body)]);
    const created = await mock.call('POST', serverless, { rawBody, headers: json });
    assert.equal(created.status, 201);
    assert.equal(created.json().name, 'withBom');
  });

  it('should answer 415 to a body sent as another media type', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      const answer = await mock.call('POST', serverless, {
        rawBody: '{}',
        headers: { 'content-type': type },
      });
      assertAtlasError(answer, 415, 'UNSUPPORTED_MEDIA_TYPE');
    }
  });

  it('should answer 413 to a body over the limit without reading it into a crash', async () => {
    const rawBody = `{"name":"${'x'.repeat(maxBodyBytes)}"}`;
    assertAtlasError(await mock.call('POST', serverless, { rawBody, headers: json }), 413);
  });

  it('should answer 400 to deeply nested JSON in every place', async () => {
    // As deep as fits under the body limit.
    const depth = 150_000;
    const nested = '['.repeat(depth) + ']'.repeat(depth);
    const objects = '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
    const bodies = [
      nested,
      `{"name":${nested}}`,
      `{"name":"deep","providerSettings":${objects}}`,
      `{"name":"deep","providerSettings":{"backingProviderName":"AWS","regionName":"US_EAST_1"},` +
        `"tags":[{"key":"k","value":${objects}}]}`,
      `{"unknown":${objects}}`,
    ];
    for (const rawBody of bodies) {
      const answer = await mock.call('POST', serverless, { rawBody, headers: json });
      assert.equal(answer.status, 400, answer.text.slice(0, 200));
      assert.equal(answer.json().error, 400);
    }
  });

  it('should answer 404 RESOURCE_NOT_FOUND to unknown paths, even undecodable ones', async () => {
    for (const path of ['/api/atlas/v2/nothing', '/api/atlas/v2/groups/%zz/serverless', '/']) {
      assertAtlasError(await mock.call('GET', path), 404, 'RESOURCE_NOT_FOUND');
    }
  });

  it('should answer 405 with an Allow header and an empty body to a wrong method', async () => {
    const put = await mock.call('PUT', `${serverless}/anything`, { body: {} });
    assert.equal(put.status, 405);
    assert.equal(put.text, '');
    assert.equal(put.headers.allow, 'GET,PATCH,DELETE,OPTIONS');
    const deleteAll = await mock.call('DELETE', serverless);
    assert.equal(deleteAll.status, 405);
    // The order of Atlas's recorded 405 (atlas-behaviour.md §5).
    assert.equal(deleteAll.headers.allow, 'POST,GET,OPTIONS');
  });

  it('should keep serving after all of the above', async () => {
    const answer = await mock.call('POST', serverless, {
      body: {
        name: 'stillAlive',
        providerSettings: { backingProviderName: 'AWS', regionName: 'US_EAST_1' },
      },
      as: demo.owner,
    });
    assert.equal(answer.status, 201);
  });
});
