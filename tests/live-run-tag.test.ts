/**
 * The run tag (lib/run-tag.ts) and the sweep's choice of what to delete (cli/sweep-tagged.ts):
 * shards of one CI run tag `<tag>.shard<i>`; a run's opening sweep spares its whole family,
 * its closing sweep deletes only its own machine's instances; a sweep of other runs' leftovers
 * spares those younger than its minimum age, by the target's clock or else the tag's stamp.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { demoFixtures, loadWorld } from '../fixtures/world.ts';
import { AtlasClient } from '../lib/atlas-client.ts';
import {
  isOfRun,
  machineRunTag,
  newRunTagValue,
  runTagKey,
  runTagOf,
  runTagStartedAt,
  withRunTag,
} from '../lib/run-tag.ts';
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

  it('should read back the start time a fresh tag carries, shard suffix or not', () => {
    const at = new Date('2026-01-02T03:04:05Z');
    assert.deepEqual(runTagStartedAt(newRunTagValue(at)), at);
    assert.deepEqual(runTagStartedAt(`${newRunTagValue(at)}.shard2`), at);
    assert.equal(runTagStartedAt('gha-123-1'), undefined);
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

  it("should spare another run's instances until they are older than the min age", async () => {
    await create('otherrun', 'ci-2');
    const client = new AtlasClient(mock.baseUrl, owner);
    const lines: string[] = [];
    const young = await sweepTagged(client, demo.project.id, {
      except: 'ci-1',
      minAgeMinutes: 60,
      progress: (line) => lines.push(line),
    });
    assert.deepEqual(young.deleted, []);
    assert.deepEqual(
      young.young.map((i) => i.name),
      ['otherrun'],
    );
    const spared = lines.filter((l) => l.includes('younger than 60 min'));
    assert.equal(spared.length, 1, lines.join('\n'));
    assert.match(spared[0] ?? '', /: otherrun \(ci-2, 0 min\)$/);

    // An hour and a minute on, by the target's clock (its Date header and createDate).
    const state = (await (await fetch(`${mock.baseUrl}/__mock/state`)).json()) as { now: string };
    await fetch(`${mock.baseUrl}/__mock/clock`, {
      method: 'POST',
      body: JSON.stringify({ at: new Date(Date.parse(state.now) + 61 * 60_000).toISOString() }),
    });
    const old = await sweepTagged(client, demo.project.id, { except: 'ci-1', minAgeMinutes: 60 });
    assert.deepEqual(old.deleted, ['otherrun']);
  });
});
