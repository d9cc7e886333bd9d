/**
 * The contracts tell a real deviation from documentation drift: every real body recorded in
 * atlas-behaviour.md is conformant or drift, and a body that breaks a required rule deviates.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { judgeBody } from '../contracts/verdict.ts';

// The 201 body of the 2026-01-02 cloud-dev recording (atlas-behaviour.md §7).
const recorded201 = {
  connectionStrings: { standardSrv: 'mongodb+srv://acs.abcde.mongodb-dev.net' },
  createDate: '2026-01-02T10:00:00Z',
  groupId: '32b6e34b3d91647abb20e7b8',
  id: '32b6e34b3d91647abb20e7b9',
  links: [{ href: 'https://cloud.mongodb.com/restoreJobs', rel: 'restoreJobs' }],
  mongoDBVersion: '8.0.17',
  name: 'acs',
  providerSettings: {
    backingProviderName: 'AWS',
    effectiveDiskSizeGBLimit: 5,
    effectiveInstanceSizeName: 'FLEX',
    effectiveProviderName: 'TENANT',
    nextBackupDate: '2026-01-03T10:00:00Z',
    providerName: 'SERVERLESS',
    regionName: 'US_EAST_1',
    tenantBackupEnabled: true,
  },
  serverlessBackupOptions: { serverlessContinuousBackupEnabled: false },
  stateName: 'CREATING',
  tags: [{ key: 'env', value: 'test' }],
  terminationProtectionEnabled: false,
};

describe('contracts', () => {
  it('should judge the recorded Flex-era 201 body as drift, not a deviation', () => {
    assert.equal(judgeBody('instance', recorded201).kind, 'drift');
  });

  it('should judge the 2025 body with empty connection strings as drift', () => {
    assert.equal(judgeBody('instance', { ...recorded201, connectionStrings: {} }).kind, 'drift');
  });

  it('should judge a body without providerSettings as a deviation', () => {
    const { providerSettings: _dropped, ...broken } = recorded201;
    assert.equal(judgeBody('instance', broken).kind, 'deviation');
  });

  it('should judge the 401 challenge body without errorCode as drift', () => {
    const body = { error: 401, reason: 'Unauthorized', detail: 'You are not authorized.' };
    assert.equal(judgeBody('error', body).kind, 'drift');
  });

  it('should judge a recorded 404 with string parameters as drift', () => {
    const body = {
      detail: 'No group with ID 111111111111111111111111 exists.',
      error: 404,
      errorCode: 'GROUP_NOT_FOUND',
      parameters: ['111111111111111111111111'],
      reason: 'Not Found',
    };
    assert.equal(judgeBody('error', body).kind, 'drift');
  });

  it('should judge an error body without error as a deviation', () => {
    assert.equal(judgeBody('error', { errorCode: 'X', detail: 'x' }).kind, 'deviation');
  });
});
