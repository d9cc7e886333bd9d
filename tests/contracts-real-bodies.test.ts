/**
 * Done-when of issue 3: every real response body atlas-behaviour.md describes is conformant or
 * documentation drift, never a deviation; a body that breaks a required rule is a deviation.
 * The bodies are rebuilt from the recordings the reference quotes (sections in each name).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { ContractName } from '../contracts/schemas.ts';
import { judgeBody } from '../contracts/verdict.ts';

const providerSettings = {
  backingProviderName: 'AWS',
  effectiveDiskSizeGBLimit: 5,
  effectiveInstanceSizeName: 'FLEX',
  effectiveProviderName: 'TENANT',
  nextBackupDate: '2026-01-03T10:00:00Z',
  providerName: 'SERVERLESS',
  regionName: 'US_EAST_1',
  tenantBackupEnabled: true,
};

const created = {
  connectionStrings: { standardSrv: 'mongodb+srv://acs.abcde.mongodb-dev.net' },
  createDate: '2026-01-02T10:00:00Z',
  groupId: '32b6e34b3d91647abb20e7b8',
  id: '32b6e34b3d91647abb20e7b9',
  links: [
    { href: 'https://cloud.mongodb.com/api/atlas/v2/groups/32b6/serverless/acs', rel: 'self' },
    { href: 'https://cloud.mongodb.com/restoreJobs', rel: 'restoreJobs' },
    { href: 'https://cloud.mongodb.com/snapshots', rel: 'snapshots' },
  ],
  mongoDBVersion: '8.0.17',
  name: 'acs',
  providerSettings,
  serverlessBackupOptions: { serverlessContinuousBackupEnabled: false },
  stateName: 'CREATING',
  tags: [{ key: 'env', value: 'test' }],
  terminationProtectionEnabled: false,
};

const error = (
  status: number,
  reason: string,
  errorCode: string,
  detail: string,
  p: unknown[],
) => ({
  detail,
  error: status,
  errorCode,
  parameters: p,
  reason,
});

const realBodies: [string, ContractName, unknown][] = [
  ['§7 201 of 2026-01-02 (Flex-backed, extra fields)', 'instance', created],
  [
    '§7 201 of 2025-04..08 (connectionStrings {})',
    'instance',
    { ...created, connectionStrings: {} },
  ],
  ['§7 PATCH 200 (UPDATING)', 'instance', { ...created, stateName: 'UPDATING' }],
  ['§7 DELETE 202 {}', 'request-accepted', {}],
  ['§0 list after 2026-01-15 (empty)', 'list', { links: [], results: [], totalCount: 0 }],
  ['§7 list with one instance', 'list', { links: [], results: [created], totalCount: 1 }],
  [
    '§7 Flex representation',
    'flex-cluster',
    {
      backupSettings: { enabled: true },
      clusterType: 'REPLICASET',
      connectionStrings: { standardSrv: 'mongodb+srv://acs.abcde.mongodb-dev.net' },
      createDate: '2026-01-02T10:00:00Z',
      groupId: '32b6e34b3d91647abb20e7b8',
      id: '32b6e34b3d91647abb20e7b9',
      mongoDBVersion: '8.0.17',
      name: 'acs',
      providerSettings: {
        backingProviderName: 'AWS',
        diskSizeGB: 5.0,
        providerName: 'FLEX',
        regionName: 'US_EAST_1',
      },
      stateName: 'IDLE',
      tags: [],
      terminationProtectionEnabled: false,
      versionReleaseSystem: 'LTS',
    },
  ],
  [
    '§1 401 challenge (no errorCode)',
    'error',
    { error: 401, reason: 'Unauthorized', detail: 'You are not authorized for this resource.' },
  ],
  [
    '§1 401 challenge of 2026-08 (UNEXPECTED_ERROR)',
    'error',
    {
      error: 401,
      reason: 'Unauthorized',
      detail: 'You are not authorized for this resource.',
      errorCode: 'UNEXPECTED_ERROR',
    },
  ],
  [
    '§3 406 INVALID_VERSION_DATE',
    'error',
    error(
      406,
      'Not Acceptable',
      'INVALID_VERSION_DATE',
      'Invalid accept header or version date.',
      [],
    ),
  ],
  [
    '§5 404 GROUP_NOT_FOUND',
    'error',
    error(
      404,
      'Not Found',
      'GROUP_NOT_FOUND',
      'No group with ID 111111111111111111111111 exists.',
      ['111111111111111111111111'],
    ),
  ],
  [
    '§5 400 INVALID_REGION, region missing',
    'error',
    error(400, 'Bad Request', 'INVALID_REGION', 'No region  exists for provider AWS.', ['', 'AWS']),
  ],
  [
    '§5 400 DUPLICATE_CLUSTER_NAME',
    'error',
    error(
      400,
      'Bad Request',
      'DUPLICATE_CLUSTER_NAME',
      'A cluster or serverless instance named acs is already present in group ' +
        '32b6e34b3d91647abb20e7b8.',
      ['cluster or serverless instance', 'acs', '32b6e34b3d91647abb20e7b8'],
    ),
  ],
  [
    '§5 500 UNEXPECTED_ERROR',
    'error',
    error(500, 'Internal Server Error', 'UNEXPECTED_ERROR', 'Unexpected error.', []),
  ],
  [
    '§5 parameters null',
    'error',
    { ...error(400, 'Bad Request', 'ATLAS_GENERAL_ERROR', 'Reason: x', []), parameters: null },
  ],
  [
    '§6 429 RATE_LIMITED_TOKEN_BUCKET (mixed parameters)',
    'error',
    error(
      429,
      'Too Many Requests',
      'RATE_LIMITED_TOKEN_BUCKET',
      'Rate limit exceeded for api/atlas/v2/orgs. Please retry after 55 seconds.',
      ['api/atlas/v2/orgs', 55, 10, 5, 60],
    ),
  ],
  [
    '§0 410 VERSION_GONE (spec example)',
    'error',
    {
      error: 410,
      errorCode: 'VERSION_GONE',
      reason: 'Gone',
      detail: 'The sunset date is in the past.',
    },
  ],
  [
    '§5 404 CLUSTER_NOT_FOUND',
    'error',
    error(404, 'Not Found', 'CLUSTER_NOT_FOUND', 'No cluster named acs exists in group 32b6.', [
      'acs',
      '32b6',
    ]),
  ],
  ['§4 envelope of a 201', 'envelope', { status: 201, content: created }],
];

describe('contracts against real bodies', () => {
  for (const [name, contract, body] of realBodies) {
    it(`should judge ${name} as conformant or drift`, () => {
      const verdict = judgeBody(contract, body);
      assert.notEqual(verdict.kind, 'deviation', JSON.stringify(verdict));
    });
  }

  const broken: [string, ContractName, unknown][] = [
    ['instance without providerSettings', 'instance', { ...created, providerSettings: undefined }],
    [
      'instance whose providerSettings lacks regionName',
      'instance',
      { ...created, providerSettings: { ...providerSettings, regionName: undefined } },
    ],
    ['instance with a 23-digit id', 'instance', { ...created, id: '32b6e34b3d91647abb20e7b' }],
    ['instance with stateName RUNNING', 'instance', { ...created, stateName: 'RUNNING' }],
    ['error without error', 'error', { errorCode: 'X', detail: 'x' }],
    ['error whose status is a string', 'error', { error: '400', errorCode: 'X' }],
    ['flex cluster without providerSettings', 'flex-cluster', { name: 'acs' }],
    ['list whose results is not a list', 'list', { results: {} }],
    ['envelope without content', 'envelope', { status: 201 }],
  ];
  for (const [name, contract, body] of broken) {
    it(`should judge ${name} as a deviation`, () => {
      const sent = JSON.parse(JSON.stringify(body)) as unknown;
      assert.equal(judgeBody(contract, sent).kind, 'deviation');
    });
  }
});
