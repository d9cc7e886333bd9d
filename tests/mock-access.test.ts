/**
 * Who may create where, per the world file: Project Owner only (401 USER_UNAUTHORIZED), callers
 * on the key's access list only (403), organisations with a payment method only (402), known
 * projects (404), regions the backing provider offers (400 INVALID_REGION [region, provider]),
 * and Atlas's exact digest challenge for everyone else.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';

import { createBody, demo, MockHarness, projectPath } from './mock-harness.ts';

const mock = new MockHarness();
after(() => mock.close());
const serverless = `${projectPath()}/serverless`;

describe('mock access rules', () => {
  it('should create with the owner key and refuse the read-only key with 401', async () => {
    const owner = await mock.call('POST', serverless, {
      body: createBody('byOwner'),
      as: demo.owner,
    });
    assert.equal(owner.status, 201);
    const reader = await mock.call('POST', serverless, {
      body: createBody('byReader'),
      as: demo.reader!,
    });
    assert.equal(reader.status, 401);
    assert.equal(reader.json().errorCode, 'USER_UNAUTHORIZED');
    assert.equal(reader.headers['x-error-code'], 'USER_UNAUTHORIZED');
    const readerGet = await mock.call('GET', `${serverless}/byOwner`, { as: demo.reader! });
    assert.equal(readerGet.status, 200, 'a read-only key may read');
  });

  it('should refuse a caller outside the access list with 403 naming the address', async () => {
    const outside = await mock.call('POST', serverless, {
      body: createBody('fenced1'),
      as: demo.fenced!,
    });
    assert.equal(outside.status, 403);
    assert.equal(outside.json().errorCode, 'IP_ADDRESS_NOT_ON_ACCESS_LIST');
    assert.deepEqual(outside.json().parameters, ['127.0.0.1']);
    const inside = await mock.call('POST', serverless, {
      body: createBody('fenced2'),
      as: demo.fenced!,
      remoteAddress: '203.0.113.7',
    });
    assert.equal(inside.status, 201);
  });

  it('should answer 402 NO_PAYMENT_INFORMATION_FOUND in the unpaid organisation', async () => {
    const unpaid = await mock.call('POST', `${projectPath(demo.unpaidProject!.id)}/serverless`, {
      body: createBody('unpaid'),
      as: demo.owner,
    });
    assert.equal(unpaid.status, 402);
    assert.equal(unpaid.json().errorCode, 'NO_PAYMENT_INFORMATION_FOUND');
  });

  it('should answer 404 GROUP_NOT_FOUND for an unknown project', async () => {
    const unknown = await mock.call(
      'POST',
      `${projectPath('0123456789abcdef01234567')}/serverless`,
      {
        body: createBody('nowhere'),
      },
    );
    assert.equal(unknown.status, 404);
    assert.equal(unknown.json().errorCode, 'GROUP_NOT_FOUND');
  });

  it('should take each provider’s own region names and refuse the others', async () => {
    const cases = [
      ['AWS', 'US_EAST_1', 201],
      ['AZURE', 'EUROPE_WEST', 201],
      ['GCP', 'CENTRAL_US', 201],
      ['GCP', 'US_EAST_1', 400],
      ['AWS', 'us-east-1', 400],
      ['AZURE', 'CENTRAL_US', 400],
    ] as const;
    for (const [index, [provider, region, status]] of cases.entries()) {
      const answer = await mock.call('POST', serverless, {
        body: {
          name: `region${index}`,
          providerSettings: { backingProviderName: provider, regionName: region },
        },
      });
      assert.equal(answer.status, status, `${provider} ${region}`);
      if (status === 400) {
        assert.equal(answer.json().errorCode, 'INVALID_REGION');
        assert.deepEqual(answer.json().parameters, [region, provider]);
      }
    }
  });

  it('should challenge an anonymous caller with exactly Atlas’s digest parameters', async () => {
    const anonymous = await mock.call('POST', serverless, {
      body: createBody('anon'),
      as: 'nobody',
    });
    assert.equal(anonymous.status, 401);
    const challenge = String(anonymous.headers['www-authenticate']);
    assert.match(
      challenge,
      new RegExp(
        String.raw`^Digest realm="MMS Public API", domain="", ` +
          String.raw`nonce="[A-Za-z0-9+/]{32}", algorithm=MD5, qop="auth", ` +
          String.raw`stale=false$`,
      ),
    );
    assert.deepEqual(Object.keys(anonymous.json()), ['error', 'reason', 'detail']);
  });

  it('should challenge an anonymous DELETE with an empty body, as recorded', async () => {
    const anonymous = await mock.call('DELETE', `${serverless}/anything`, { as: 'nobody' });
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.text, '');
    assert.match(String(anonymous.headers['www-authenticate']), /^Digest realm="MMS Public API"/);
    // A DELETE that gets past the challenge but lacks the role keeps its error body.
    const reader = await mock.call('DELETE', `${serverless}/anything`, { as: demo.reader! });
    assert.equal(reader.status, 401);
    assert.equal(reader.json().errorCode, 'USER_UNAUTHORIZED');
  });

  it('should refuse a wrong private key with the generic 401 and a fresh challenge', async () => {
    const wrong = await mock.call('POST', serverless, {
      body: createBody('wrongKey'),
      as: { ...demo.owner, privateKey: 'not-the-key' },
    });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.json().errorCode, undefined);
    assert.match(String(wrong.headers['www-authenticate']), /^Digest realm="MMS Public API"/);
  });
});
