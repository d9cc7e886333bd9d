/**
 * Real failures for tests/report-categories.test.ts: each test fails the way a check fails, with
 * the checks' own helpers (fixtures/checks.ts, Playwright's expect as the specs call it, the
 * HTTP client for an unreachable target) and the evidence the fixtures attach on failure
 * (fixtures/property.ts attachExchange), so the categories are judged on what a run writes.
 * Run only by that test, through Playwright with the allure-playwright reporter; never a check.
 */
import { expect, test } from '@playwright/test';

import { describeCheck, expectConformingBody, expectErrorAnswer } from '../fixtures/checks.ts';
import { attachExchange } from '../fixtures/property.ts';
import { AtlasClient } from '../lib/atlas-client.ts';
import type { Exchange } from '../lib/exchange.ts';

const url = 'http://127.0.0.1:9/api/atlas/v2/groups/6650a1b2c3d4e5f6a7b8c9d0/serverless';
const request = {
  method: 'POST',
  url,
  headers: { Accept: 'application/vnd.atlas.2023-01-01+json' },
  body: '{"name":"x","providerSettings":{"backingProviderName":"AWS","regionName":"US_EAST_1"}}',
  auth: 'digest as demo',
  curlAuth: ['--digest', '--user', '"$MONGODB_ATLAS_PUBLIC_KEY:$MONGODB_ATLAS_PRIVATE_KEY"'],
};

function answered(status: number, json: unknown): Exchange {
  return {
    request,
    response: { status, headers: {}, text: JSON.stringify(json), json },
    durationMs: 1,
  };
}

const atlasError = (status: number, errorCode: string, reason: string) =>
  answered(status, { detail: 'x', error: status, errorCode, parameters: [], reason });
const serverFault = atlasError(500, 'UNEXPECTED_ERROR', 'Internal Server Error');
const refused = answered(401, { detail: 'x', error: 401, reason: 'Unauthorized' });
const instance = {
  createDate: '2026-01-02T10:00:00Z',
  groupId: '6650a1b2c3d4e5f6a7b8c9d0',
  id: '6650a1b2c3d4e5f6a7b8c9d1',
  name: 'x',
  providerSettings: {
    backingProviderName: 'AWS',
    effectiveInstanceSizeName: 'FLEX',
    nextBackupDate: '2026-01-03T10:00:00Z',
    providerName: 'SERVERLESS',
    regionName: 'US_EAST_1',
  },
  stateName: 'CREATING',
  terminationProtectionEnabled: false,
};

/** Fails the test as a check would, with `exchange` attached as its last exchange. */
async function failWith(exchange: Exchange, assertion: () => void): Promise<void> {
  try {
    assertion();
  } finally {
    await attachExchange(exchange, 'last exchange 1');
  }
}

test('negative_data_rejection answered 500', async () => {
  await describeCheck('negative_data_rejection');
  await failWith(serverFault, () =>
    expectErrorAnswer('negative_data_rejection', 'name-invalid', serverFault, 'warn'),
  );
});

test('lifecycle answered 500', async () => {
  await describeCheck('lifecycle');
  await failWith(serverFault, () =>
    expect(serverFault.response.status, 'lifecycle: the create must succeed').toBe(201),
  );
});

test('flex_migration answered 502', async () => {
  await describeCheck('flex_migration');
  const badGateway = answered(502, undefined);
  await failWith(badGateway, () =>
    expect(badGateway.response.status, 'flex_migration: the create must succeed').toBe(201),
  );
});

test('duplicate_name answered 401', async () => {
  await describeCheck('duplicate_name');
  await failWith(refused, () =>
    expectErrorAnswer('duplicate_name', 'duplicate-name', refused, 'warn'),
  );
});

test('positive_data_acceptance answered 401', async () => {
  await describeCheck('positive_data_acceptance');
  await failWith(refused, () =>
    expect(refused.response.status, 'positive_data_acceptance: the create must succeed').toBe(201),
  );
});

test('response_schema_conformance drift in strict mode', async () => {
  await describeCheck('response_schema_conformance');
  const drifted = answered(201, instance);
  await failWith(drifted, () =>
    expectConformingBody('response_schema_conformance', 'instance', drifted, 'fail'),
  );
});

test('response_schema_conformance deviation', async () => {
  await describeCheck('response_schema_conformance');
  const broken = answered(201, { ...instance, id: 'not-an-id', stateName: 'SLEEPING' });
  await failWith(broken, () =>
    expectConformingBody('response_schema_conformance', 'instance', broken, 'warn'),
  );
});

test('negative_data_rejection accepted an invalid name', async () => {
  await describeCheck('negative_data_rejection');
  const accepted = answered(201, instance);
  await failWith(accepted, () =>
    expectErrorAnswer('negative_data_rejection', 'name-invalid', accepted, 'warn'),
  );
});

test('not_a_server_error on an unreachable target', async () => {
  await describeCheck('not_a_server_error');
  const client = new AtlasClient('http://127.0.0.1:9', {
    kind: 'digest',
    publicKey: 'k',
    privateKey: 'report-messages-private-key',
  });
  await client.send({ method: 'GET', path: '/api/atlas/v2/groups/x/serverless' });
});
