/**
 * The mock's world file: the seeded Flex cluster shares its project's names with serverless
 * instances and shows on the Flex API only, and the demo fixtures are found by what they are,
 * so a world file with its lists in another order gives the same ones.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

import { demoFixtures, loadWorld, offeredRegionsIn, type World } from '../fixtures/world.ts';
import {
  acceptFlex,
  createBody,
  demo,
  digestFetch,
  MockHarness,
  projectPath,
  withMockCli,
  world,
} from './mock-harness.ts';

const harnesses: MockHarness[] = [];
after(() => Promise.all(harnesses.map((h) => h.close())));
const serverless = `${projectPath()}/serverless`;

describe('mock seeded Flex clusters', () => {
  const seeded = world.flexClusters?.find((c) => c.groupId === demo.project.id);

  it('should seed a Flex cluster in the demo project', () => {
    assert.ok(seeded, 'fixtures/world.json must seed a Flex cluster in the demo project');
  });

  it('should refuse its name on /serverless with 400 DUPLICATE_CLUSTER_NAME', async () => {
    const mock = new MockHarness();
    harnesses.push(mock);
    const name = seeded!.name;
    const taken = await mock.call('POST', serverless, { body: createBody(name) });
    assert.equal(taken.status, 400);
    assert.equal(taken.json().errorCode, 'DUPLICATE_CLUSTER_NAME');
    assert.deepEqual(taken.json().parameters, [
      'cluster or serverless instance',
      name,
      demo.project.id,
    ]);
  });

  it('should show it on GET /flexClusters/{name} and not on the serverless API', async () => {
    const mock = new MockHarness();
    harnesses.push(mock);
    const name = seeded!.name;
    const flex = await mock.call('GET', `${projectPath()}/flexClusters/${name}`, {
      headers: { accept: acceptFlex },
    });
    assert.equal(flex.status, 200, flex.text);
    const body = flex.json();
    assert.equal(body.name, name);
    assert.equal(body.stateName, 'IDLE');
    assert.equal(body.providerSettings.providerName, 'FLEX');
    assert.equal(body.providerSettings.regionName, seeded!.regionName);
    assert.equal(body.createDate, seeded!.createDate?.replace('.000', ''));

    assert.equal((await mock.call('GET', `${serverless}/${name}`)).status, 404);
    const list = await mock.call('GET', serverless);
    assert.equal(
      list.json().results.some((r: { name: string }) => r.name === name),
      false,
    );
  });

  it('should keep it through a reset of the mock', async () => {
    const mock = new MockHarness();
    harnesses.push(mock);
    await mock.app.inject({ method: 'POST', url: '/__mock/reset' });
    const taken = await mock.call('POST', serverless, { body: createBody(seeded!.name) });
    assert.equal(taken.json().errorCode, 'DUPLICATE_CLUSTER_NAME');
  });
});

describe('regions of the world by era', () => {
  it('should offer the serverless list before the Flex era and the Flex list in it', () => {
    assert.ok(offeredRegionsIn(world, false).AZURE.includes('US_EAST'));
    assert.ok(!offeredRegionsIn(world, true).AZURE.includes('US_EAST'));
    assert.deepEqual(offeredRegionsIn(world, true), world.regions);
    const { serverlessRegions: _, ...withoutServerless } = world;
    assert.deepEqual(offeredRegionsIn(withoutServerless, false), world.regions);
  });
});

describe('demo fixtures of a world file', () => {
  const reversed = (w: World): World => ({
    ...w,
    organisations: [...w.organisations].reverse(),
    projects: [...w.projects].reverse(),
    apiKeys: [...w.apiKeys].reverse(),
    serviceAccounts: [...w.serviceAccounts].reverse(),
  });

  it('should pick each fixture by its role, not by its place in the file', () => {
    const original = demoFixtures(world);
    assert.equal(original.project.id, '6650a1b2c3d4e5f6a7b8c9d0');
    assert.equal(original.owner.publicKey, 'demoowner');
    assert.equal(original.reader?.publicKey, 'demoreader');
    assert.equal(original.fenced?.publicKey, 'demofenced');
    assert.equal(original.unpaidProject?.name, 'conformance-unpaid');
    assert.equal(original.rateLimitedProject?.name, 'conformance-ratelimited');

    // Through a file, as --world reads one.
    const file = join(mkdtempSync(join(tmpdir(), 'world-')), 'world.json');
    writeFileSync(file, JSON.stringify(reversed(world)));
    const picked = demoFixtures(loadWorld(file));
    assert.equal(picked.project.id, original.project.id);
    assert.equal(picked.unpaidProject?.id, original.unpaidProject?.id);
    assert.equal(picked.rateLimitedProject?.id, original.rateLimitedProject?.id);
    assert.equal(picked.owner.publicKey, original.owner.publicKey);
    assert.equal(picked.reader?.publicKey, original.reader?.publicKey);
    assert.equal(picked.fenced?.publicKey, original.fenced?.publicKey);
    assert.equal(picked.serviceAccount.clientId, original.serviceAccount.clientId);
  });

  it('should leave out a fixture the world does not have, and refuse a world without owner', () => {
    const bare: World = {
      ...world,
      apiKeys: world.apiKeys.filter((k) => k.publicKey === 'demoowner'),
      organisations: world.organisations.filter((o) => o.paymentMethod),
    };
    const picked = demoFixtures(bare);
    assert.equal(picked.reader, undefined);
    assert.equal(picked.fenced, undefined);
    assert.equal(picked.unpaidProject, undefined);
    assert.throws(
      () => demoFixtures({ ...world, apiKeys: [] }),
      /world file must have a project of a paying organisation/,
    );
  });
});

describe('npm run mock --world', () => {
  // The committed world's values are the ones .env.example repeats.
  const heading = (banner: string[]) => banner.find((line) => line.startsWith('Demo values'));

  it('should say the committed world’s demo values are in .env.example', async () => {
    for (const args of [[], ['--world', 'fixtures/world.json']]) {
      await withMockCli(args, async (_baseUrl, banner) => {
        assert.equal(
          heading(banner),
          'Demo values (also in .env.example; they only work on this mock):',
          banner.join('\n'),
        );
      });
    }
  });

  it('should name another world file as the source of its demo values, and only them', async () => {
    const owner = { ...demo.owner, privateKey: 'other-owner-private-key' };
    const account = { ...demo.serviceAccount, clientSecret: 'other-service-account-secret' };
    const other: World = {
      ...world,
      apiKeys: world.apiKeys.map((key) => (key.publicKey === owner.publicKey ? owner : key)),
      serviceAccounts: world.serviceAccounts.map((a) =>
        a.clientId === account.clientId ? account : a,
      ),
    };
    const file = join(mkdtempSync(join(tmpdir(), 'world-')), 'other-world.json');
    writeFileSync(file, JSON.stringify(other));
    await withMockCli(['--world', file], async (baseUrl, banner) => {
      const text = banner.join('\n');
      assert.equal(
        heading(banner),
        `Demo values (from the world file ${file}; they only work on this mock):`,
        text,
      );
      assert.ok(!text.includes('.env.example'), text);
      // That world's own owner and service account, as for the committed world; nothing else.
      assert.ok(text.includes(`MONGODB_ATLAS_PRIVATE_KEY=${owner.privateKey}`), text);
      assert.ok(text.includes(`MONGODB_ATLAS_CLIENT_SECRET=${account.clientSecret}`), text);
      for (const secret of [demo.owner.privateKey, demo.serviceAccount.clientSecret]) {
        assert.ok(!text.includes(secret), `the committed world's secret must not be printed`);
      }
      for (const key of other.apiKeys.filter((k) => k.publicKey !== owner.publicKey)) {
        assert.ok(!text.includes(key.privateKey), `${key.publicKey}'s key must not be printed`);
      }
      const listed = await digestFetch(
        `${baseUrl}${projectPath()}/serverless`,
        { method: 'GET', headers: { accept: 'application/vnd.atlas.2023-01-01+json' } },
        owner,
      );
      assert.equal(listed.status, 200, 'the printed key is the one the mock accepts');
    });
  });
});
