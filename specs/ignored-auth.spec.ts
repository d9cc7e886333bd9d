/**
 * ignored_auth: a request without credentials is refused with 401 and Atlas's digest challenge.
 * Source: endpoint.md 'Request' (digest or bearer); atlas-behaviour.md §1 (the exact challenge).
 */
import { describeCheck, expectErrorAnswer } from '../fixtures/checks.ts';
import { createRequest } from '../fixtures/requests.ts';
import { expect, test } from '../fixtures/test.ts';

// Atlas's challenge, parameter for parameter: any other parameter breaks the official Go client.
const atlasChallenge =
  /^Digest realm="MMS Public API", domain="", nonce="[A-Za-z0-9+/]{32}", algorithm=MD5, qop="auth", stale=false$/;

test.describe('ignored_auth', () => {
  test('should answer 401 with the digest challenge when no credentials are sent', async ({
    client,
    target,
  }) => {
    await describeCheck('ignored_auth', 'blocker');
    const body = {
      name: 'unauthenticated',
      providerSettings: { backingProviderName: 'AWS', regionName: 'US_EAST_1' },
    };
    const exchange = await client.send(createRequest(target.projectId, body, { auth: 'none' }));

    expectErrorAnswer('ignored_auth', 'unauthenticated', exchange, target.config.strictness);
    expect(
      exchange.response.headers['www-authenticate'],
      "the 401 must carry Atlas's digest challenge",
    ).toMatch(atlasChallenge);
  });

  test('should answer 401 to a wrong digest response', async ({ client, target }) => {
    await describeCheck('ignored_auth', 'blocker');
    const body = {
      name: 'wrongdigest',
      providerSettings: { backingProviderName: 'AWS', regionName: 'US_EAST_1' },
    };
    const publicKey =
      target.credentials.kind === 'digest' ? target.credentials.publicKey : 'conformance';
    const exchange = await client.send(
      createRequest(target.projectId, body, {
        auth: { digest: { publicKey, privateKey: 'not-the-private-key' } },
      }),
    );
    expectErrorAnswer('ignored_auth', 'bad-credentials', exchange, target.config.strictness);
  });
});
