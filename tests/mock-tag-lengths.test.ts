/**
 * POST and PATCH judge a body by the same contracts through the same validator, so they agree
 * on a tag's length: 1 to 255 characters counted in code points (ajv's count), not in UTF-16
 * units, where an emoji counts twice (official-contract.md §4, ResourceTag).
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';

import { createBody, MockHarness, projectPath } from './mock-harness.ts';

const mock = new MockHarness();
after(() => mock.close());
const serverless = `${projectPath()}/serverless`;

// U+1F600 is one code point and two UTF-16 units: 255 of them are 510 units.
const emoji = '\u{1F600}';

describe('mock tag lengths on POST and PATCH', () => {
  for (const field of ['key', 'value'] as const) {
    it(`should accept a tag ${field} of 255 emoji and refuse one of 256, on both`, async () => {
      const tag = (n: number) => ({ key: 'k', value: 'v', [field]: emoji.repeat(n) });
      assert.equal(tag(255)[field].length, 510, 'the UTF-16 length is twice the count');

      const created = await mock.call('POST', serverless, {
        body: createBody(`tags255${field}`, { tags: [tag(255)] }),
      });
      assert.equal(created.status, 201, created.text);
      assert.deepEqual(created.json().tags, [tag(255)]);
      const refusedCreate = await mock.call('POST', serverless, {
        body: createBody(`tags256${field}`, { tags: [tag(256)] }),
      });
      assert.equal(refusedCreate.status, 400, refusedCreate.text);

      const patched = await mock.call('PATCH', `${serverless}/tags255${field}`, {
        body: { tags: [tag(255)] },
      });
      assert.equal(patched.status, 200, patched.text);
      const refusedPatch = await mock.call('PATCH', `${serverless}/tags255${field}`, {
        body: { tags: [tag(256)] },
      });
      assert.equal(refusedPatch.status, 400, refusedPatch.text);

      // The same refusal: scenario, code and the attribute named.
      assert.equal(refusedPatch.json().errorCode, refusedCreate.json().errorCode);
      assert.deepEqual(refusedPatch.json().parameters, [`tags.0.${field}`]);
      assert.deepEqual(refusedCreate.json().parameters, [`tags.0.${field}`]);
    });
  }

  it('should refuse an empty tag and an unknown field on PATCH as the create does', async () => {
    await mock.call('POST', serverless, { body: createBody('tagsEmpty') });
    for (const body of [{ tags: [{ key: '', value: 'v' }] }, { tags: [], colour: 'red' }]) {
      const patch = await mock.call('PATCH', `${serverless}/tagsEmpty`, { body });
      const post = await mock.call('POST', serverless, { body: createBody('tagsEmpty2', body) });
      assert.equal(patch.status, 400, JSON.stringify(body));
      assert.equal(post.status, 400, JSON.stringify(body));
      assert.equal(patch.json().errorCode, post.json().errorCode, JSON.stringify(body));
      assert.deepEqual(patch.json().parameters, post.json().parameters, JSON.stringify(body));
    }
  });
});
