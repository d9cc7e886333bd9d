/**
 * The mock's instances live like Atlas's: CREATING then IDLE, GET one, the paged list, PATCH,
 * DELETE 202 then DELETING then 404, names unique per project, the Flex view of a Flex-era
 * instance, and links that name the host the caller used.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { scenario, type ScenarioId } from '../contracts/catalogue.ts';
import { acceptFlex, createBody, demo, MockHarness, projectPath, sleep } from './mock-harness.ts';

// The mock answers the catalogue's first code of each scenario: the catalogue is the source.
const codeOf = (id: ScenarioId) => scenario(id).errorCodes[0];

// Long enough for a loaded machine to read CREATING back, short enough to wait for IDLE.
const transitionMs = 600;
const mock = new MockHarness({ transitionMs });
const serverless = `${projectPath()}/serverless`;
// The first create compiles the contract's validator: warm it up outside the timed checks.
before(() => mock.call('POST', serverless, { body: createBody('warmUp') }));
after(() => mock.close());

describe('mock lifecycle', () => {
  it('should answer CREATING at first and IDLE after the transition', async () => {
    const created = await mock.call('POST', serverless, { body: createBody('lifeCycle1') });
    assert.equal(created.status, 201);
    assert.equal(created.json().stateName, 'CREATING');
    const early = await mock.call('GET', `${serverless}/lifeCycle1`);
    assert.equal(early.status, 200);
    assert.equal(early.json().stateName, 'CREATING');
    await sleep(transitionMs + 50);
    const later = await mock.call('GET', `${serverless}/lifeCycle1`);
    assert.equal(later.json().stateName, 'IDLE');
    assert.equal(later.json().id, created.json().id);
  });

  it('should page the list with itemsPerPage, pageNum and includeCount', async () => {
    const groupMock = new MockHarness({ transitionMs });
    try {
      for (const n of [1, 2, 3, 4, 5]) {
        const created = await groupMock.call('POST', serverless, { body: createBody(`page${n}`) });
        assert.equal(created.status, 201);
      }
      const second = await groupMock.call('GET', `${serverless}?itemsPerPage=2&pageNum=2`);
      assert.equal(second.status, 200);
      const page = second.json();
      assert.deepEqual(
        page.results.map((r: { name: string }) => r.name),
        ['page3', 'page4'],
      );
      assert.equal(page.totalCount, 5);
      const rels = page.links.map((l: { rel: string }) => l.rel).sort();
      assert.deepEqual(rels, ['next', 'previous', 'self']);

      const uncounted = await groupMock.call('GET', `${serverless}?includeCount=false`);
      assert.equal(uncounted.json().results.length, 5);
      assert.equal('totalCount' in uncounted.json(), false);

      const beyond = await groupMock.call('GET', `${serverless}?itemsPerPage=2&pageNum=9`);
      assert.deepEqual(beyond.json().results, []);

      const tooMany = await groupMock.call('GET', `${serverless}?itemsPerPage=501`);
      assert.equal(tooMany.status, 400);
      assert.equal(tooMany.json().errorCode, 'INVALID_QUERY_PARAMETER');
    } finally {
      await groupMock.close();
    }
  });

  it('should replace tags wholesale on PATCH, clear them with [], answer UPDATING', async () => {
    const tags = [
      { key: 'a', value: '1' },
      { key: 'b', value: '2' },
    ];
    await mock.call('POST', serverless, { body: createBody('patchMe', { tags }) });
    await sleep(transitionMs + 50);
    const replaced = await mock.call('PATCH', `${serverless}/patchMe`, {
      body: { tags: [{ key: 'c', value: '3' }] },
    });
    assert.equal(replaced.status, 200);
    assert.equal(replaced.json().stateName, 'UPDATING');
    assert.deepEqual(replaced.json().tags, [{ key: 'c', value: '3' }]);

    const kept = await mock.call('PATCH', `${serverless}/patchMe`, {
      body: { terminationProtectionEnabled: true },
    });
    assert.deepEqual(kept.json().tags, [{ key: 'c', value: '3' }]);
    assert.equal(kept.json().terminationProtectionEnabled, true);

    const cleared = await mock.call('PATCH', `${serverless}/patchMe`, { body: { tags: [] } });
    assert.deepEqual(cleared.json().tags, []);
    const read = await mock.call('GET', `${serverless}/patchMe`);
    assert.deepEqual(read.json().tags, []);
  });

  it('should refuse a PATCH with an unknown field or a tag of 256 characters', async () => {
    await mock.call('POST', serverless, { body: createBody('patchBad') });
    const unknown = await mock.call('PATCH', `${serverless}/patchBad`, { body: { name: 'x' } });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.json().errorCode, 'INVALID_ATTRIBUTE');
    const long = await mock.call('PATCH', `${serverless}/patchBad`, {
      body: { tags: [{ key: 'k', value: 'v'.repeat(256) }] },
    });
    assert.equal(long.status, 400);
    const missing = await mock.call('PATCH', `${serverless}/nobodyHere`, { body: {} });
    assert.equal(missing.status, 404);
  });

  it('should delete with 202 {}, show DELETING, then 404, and refuse a second delete', async () => {
    await mock.call('POST', serverless, { body: createBody('deleteMe') });
    const deleted = await mock.call('DELETE', `${serverless}/deleteMe`);
    assert.equal(deleted.status, 202);
    assert.equal(deleted.text, '{}');
    assert.match(String(deleted.headers['content-type']), /^application\/vnd\.atlas\.2023-01-01/);
    const deleting = await mock.call('GET', `${serverless}/deleteMe`);
    assert.equal(deleting.json().stateName, 'DELETING');
    const again = await mock.call('DELETE', `${serverless}/deleteMe`);
    assert.equal(again.status, 400);
    assert.equal(again.json().errorCode, codeOf('delete-repeated'));
    assert.equal(
      again.json().detail,
      'The cluster deleteMe has already been requested for deletion.',
    );
    const patch = await mock.call('PATCH', `${serverless}/deleteMe`, { body: { tags: [] } });
    assert.equal(patch.json().errorCode, codeOf('update-while-deleting'));
    await sleep(transitionMs + 50);
    const gone = await mock.call('GET', `${serverless}/deleteMe`);
    assert.equal(gone.status, 404);
    assert.equal(gone.json().errorCode, codeOf('instance-not-found'));
    assert.deepEqual(gone.json().parameters, ['deleteMe', demo.project.id]);
    const recreated = await mock.call('POST', serverless, { body: createBody('deleteMe') });
    assert.equal(recreated.status, 201, 'the name is free again once the instance is gone');
  });

  it('should refuse to delete a protected instance until protection is lifted', async () => {
    const body = createBody('guarded', { terminationProtectionEnabled: true });
    await mock.call('POST', serverless, { body });
    const refused = await mock.call('DELETE', `${serverless}/guarded`);
    assert.equal(refused.status, 400);
    assert.equal(refused.json().errorCode, codeOf('delete-protected'));
    assert.equal(refused.json().detail, scenario('delete-protected').detail);
    assert.match(
      refused.json().parameters[0],
      new RegExp(`cluster guarded in group ${demo.project.id}`),
    );
    await mock.call('PATCH', `${serverless}/guarded`, {
      body: { terminationProtectionEnabled: false },
    });
    assert.equal((await mock.call('DELETE', `${serverless}/guarded`)).status, 202);
  });

  it('should create exactly one of fifty concurrent creates with one name', async () => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        mock.call('POST', serverless, { body: createBody('raceName') }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    assert.equal(statuses.filter((s) => s === 201).length, 1);
    assert.equal(statuses.filter((s) => s === 400).length, 49);
    const refusal = answers.find((a) => a.status === 400)?.json();
    assert.equal(refusal.errorCode, 'DUPLICATE_CLUSTER_NAME');
    assert.deepEqual(refusal.parameters, [
      'cluster or serverless instance',
      'raceName',
      demo.project.id,
    ]);
  });

  it('should show a Flex-era instance on /flexClusters/{name} with the Flex version', async () => {
    await mock.call('POST', serverless, { body: createBody('flexView') });
    const flex = await mock.call('GET', `${projectPath()}/flexClusters/flexView`, {
      headers: { accept: acceptFlex },
    });
    assert.equal(flex.status, 200);
    assert.equal(flex.headers['content-type'], `${acceptFlex};charset=utf-8`);
    assert.equal(flex.headers.deprecation, undefined, 'the Flex API is not deprecated');
    const body = flex.json();
    assert.equal(body.providerSettings.providerName, 'FLEX');
    assert.equal(body.clusterType, 'REPLICASET');
    assert.equal('links' in body, false);

    const wrongVersion = await mock.call('GET', `${projectPath()}/flexClusters/flexView`);
    assert.equal(wrongVersion.status, 406);
    const unknown = await mock.call('GET', `${projectPath()}/flexClusters/nothing`, {
      headers: { accept: acceptFlex },
    });
    assert.equal(unknown.json().errorCode, codeOf('flex-not-found'));
  });

  it('should answer the Flex API with CANNOT_USE_NON_FLEX for a serverless-era one', async () => {
    const old = new MockHarness({ clockStart: new Date('2024-06-01T00:00:00Z') });
    try {
      await old.call('POST', serverless, { body: createBody('oldOne') });
      const flex = await old.call('GET', `${projectPath()}/flexClusters/oldOne`, {
        headers: { accept: acceptFlex },
      });
      assert.equal(flex.status, 400);
      assert.equal(flex.json().errorCode, codeOf('non-flex-in-flex-api'));
    } finally {
      await old.close();
    }
  });

  it('should answer each GET with the instance as it is now, not as it was read', async () => {
    // The mock keeps the text of an instance's last answer: a PATCH, a new state or another
    // host must each show on the next read.
    await mock.call('POST', serverless, { body: createBody('readTwice') });
    await sleep(transitionMs + 50);
    const before = await mock.call('GET', `${serverless}/readTwice`);
    assert.equal(before.json().terminationProtectionEnabled, false);
    await mock.call('PATCH', `${serverless}/readTwice`, {
      body: { terminationProtectionEnabled: true, tags: [{ key: 'k', value: 'v' }] },
    });
    await sleep(transitionMs + 50);
    const after = await mock.call('GET', `${serverless}/readTwice`);
    assert.equal(after.json().stateName, 'IDLE');
    assert.equal(after.json().terminationProtectionEnabled, true);
    assert.deepEqual(after.json().tags, [{ key: 'k', value: 'v' }]);
    const elsewhere = await mock.call('GET', `${serverless}/readTwice`, {
      headers: { host: 'other.example.test' },
    });
    assert.match(elsewhere.json().links[0].href, /^http:\/\/other\.example\.test\//);
  });

  it('should write links with the host the caller used', async () => {
    const created = await mock.call('POST', serverless, {
      body: createBody('linkHost'),
      headers: { host: 'atlas.example.test:8443' },
    });
    const self = created.json().links[0].href;
    assert.equal(
      self,
      `http://atlas.example.test:8443/api/atlas/v2/groups/${demo.project.id}/serverless/linkHost`,
    );
  });
});
