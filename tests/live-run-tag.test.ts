/**
 * The run tag (lib/run-tag.ts) and the sweep's choice of what to delete (cli/sweep-tagged.ts):
 * shards of one CI run tag `<tag>.shard<i>`; a run's opening sweep spares its whole family,
 * its closing sweep deletes only its own machine's instances.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { demoFixtures, loadWorld } from '../fixtures/world.ts';
import { AtlasClient } from '../lib/atlas-client.ts';
import { isOfRun, machineRunTag, runTagKey, runTagOf, withRunTag } from '../lib/run-tag.ts';
import { defaultMockOptions, startMock, type RunningMock } from '../mock/server.ts';
import { sweepTagged } from '../cli/sweep-tagged.ts';

describe('the run tag', () => {
  it('should be added after the tags sent, and never to a malformed tags value', () => {
    const tag = { key: runTagKey, value: 'r' };
    assert.deepEqual(withRunTag({ name: 'a' }, 'r'), { name: 'a', tags: [tag] });
    assert.deepEqual(withRunTag({ tags: [{ key: 'k', value: 'v' }] }, 'r'), {
      tags: [{ key: 'k', value: 'v' }, tag],
    });
    assert.deepEqual(withRunTag({ tags: 'not-a-list' }, 'r'), { tags: 'not-a-list' });
    assert.equal(withRunTag('[]', 'r'), '[]');
    assert.equal(runTagOf({ tags: [{ key: 'k', value: 'v' }, tag] }), 'r');
  });

  it('should name the shard of the machine, and recognise the family of a run', () => {
    assert.equal(machineRunTag('ci-7', ['--grep', 'x']), 'ci-7');
    assert.equal(machineRunTag('ci-7', ['--shard=2/3']), 'ci-7.shard2');
    assert.equal(machineRunTag('ci-7', ['--shard', '3/3']), 'ci-7.shard3');
    assert.ok(isOfRun('ci-7.shard2', 'ci-7'));
    assert.ok(isOfRun('ci-7', 'ci-7'));
    assert.ok(!isOfRun('ci-70', 'ci-7'));
  });
});

describe('the sweep between shards', () => {
  let mock: RunningMock;
  const demo = demoFixtures(loadWorld());
  const owner = { kind: 'digest', ...demo.owner } as const;
  const path = `/api/atlas/v2/groups/${demo.project.id}/serverless`;
  const create = async (name: string, tag: string) => {
    const client = new AtlasClient(mock.baseUrl, owner, { runTag: tag });
    const body = {
      name,
      providerSettings: { backingProviderName: 'AWS', regionName: 'US_EAST_1' },
    };
    const made = await client.send({ method: 'POST', path, body });
    assert.equal(made.response.status, 201, made.response.text);
  };

  before(async () => {
    mock = await startMock(defaultMockOptions({ transitionMs: 0 }));
    await create('shardone', 'ci-1.shard1');
    await create('shardtwo', 'ci-1.shard2');
    await create('killedrun', 'ci-0');
  });
  after(async () => mock.close());

  it("should spare the run's shards at the start, delete only its own at the end", async () => {
    const client = new AtlasClient(mock.baseUrl, owner);
    const opening = await sweepTagged(client, demo.project.id, { except: 'ci-1' });
    assert.deepEqual(opening.deleted, ['killedrun']);
    const closing = await sweepTagged(client, demo.project.id, { only: 'ci-1.shard1' });
    assert.deepEqual(closing.deleted, ['shardone']);
  });
});
