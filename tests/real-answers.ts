/**
 * The real answers atlas-behaviour.md describes, rebuilt from the recordings it quotes (the
 * section in each name), as `npm run validate` reads a HAR entry: status, headers, body text
 * and the request that got it. Each carries the verdict the contracts must give it; the
 * bodies also serve as the base of the broken variants in contracts-real-bodies.test.ts.
 */
import type { RecordedResponse } from '../contracts/judge-response.ts';
import type { HeaderMap } from '../contracts/response-headers.ts';

export const host = 'https://cloud.mongodb.com';
const group = '32b6e34b3d91647abb20e7b8';
export const serverless = `${host}/api/atlas/v2/groups/${group}/serverless`;
const flex = `${host}/api/atlas/v2/groups/${group}/flexClusters`;

// Headers as recorded (§3): versioned success types with charset, plain JSON errors with
// X-Error-Code, the digest challenge (§1).
export const success = { 'Content-Type': 'application/vnd.atlas.2023-01-01+json;charset=utf-8' };
const flexSuccess = {
  'Content-Type': 'application/vnd.atlas.2024-11-13+json;charset=utf-8',
};
export const challenge = {
  'Content-Type': 'application/json',
  'WWW-Authenticate':
    'Digest realm="MMS Public API", domain="", nonce="Nfx+VMFO0sY4tpgy1sHRakvvv0NN4S91", ' +
    'algorithm=MD5, qop="auth", stale=false',
};

export const providerSettings = {
  backingProviderName: 'AWS',
  effectiveDiskSizeGBLimit: 5,
  effectiveInstanceSizeName: 'FLEX',
  effectiveProviderName: 'TENANT',
  nextBackupDate: '2026-01-03T10:00:00Z',
  providerName: 'SERVERLESS',
  regionName: 'US_EAST_1',
  tenantBackupEnabled: true,
};

export const created = {
  connectionStrings: { standardSrv: 'mongodb+srv://acs.abcde.mongodb-dev.net' },
  createDate: '2026-01-02T10:00:00Z',
  groupId: group,
  id: '32b6e34b3d91647abb20e7b9',
  links: [
    { href: `${serverless}/acs`, rel: 'self' },
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

export const flexCluster = {
  backupSettings: { enabled: true },
  clusterType: 'REPLICASET',
  connectionStrings: { standardSrv: 'mongodb+srv://acs.abcde.mongodb-dev.net' },
  createDate: '2026-01-02T10:00:00Z',
  groupId: group,
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
};

/** A body as Atlas compacts it (§5: keys in alphabetical order), with its header. */
export function apiError(status: number, code: string, detail: string, parameters: unknown) {
  const reasons: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    402: 'Payment Required',
    403: 'Forbidden',
    404: 'Not Found',
    406: 'Not Acceptable',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
  };
  const body = { detail, error: status, errorCode: code, parameters, reason: reasons[status] };
  return { headers: { 'Content-Type': 'application/json', 'X-Error-Code': code }, body };
}

/** The answer as a capture holds it: the body text is parsed as `npm run validate` does. */
export function answer(
  status: number,
  method: string,
  url: string,
  headers: HeaderMap,
  body: unknown,
): RecordedResponse {
  const text = typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body);
  const request = { method, url };
  if (text === '') return { status, headers, request };
  try {
    return { status, headers, body: JSON.parse(text) as unknown, request };
  } catch {
    return { status, headers, text, request };
  }
}

function error(status: number, method: string, url: string, ...rest: [string, string, unknown]) {
  const { headers, body } = apiError(status, ...rest);
  return answer(status, method, url, headers, body);
}

const generic401 = 'You are not authorized for this resource.';
// §1: the challenge body is pretty-printed in Jackson's style.
const pretty401 = [
  '{',
  '  "error" : 401,',
  '  "reason" : "Unauthorized",',
  `  "detail" : "${generic401}"`,
  '}',
].join('\n');

type Kind = 'conformant' | 'drift';

export const realAnswers: [string, Kind, RecordedResponse][] = [
  [
    '§7 201 of 2026-01-02 (Flex-backed, extra fields)',
    'drift',
    answer(201, 'POST', serverless, success, created),
  ],
  [
    '§7 201 of 2025-04..08 (connectionStrings {})',
    'drift',
    answer(201, 'POST', serverless, success, { ...created, connectionStrings: {} }),
  ],
  ['§7 GET while CREATING', 'drift', answer(200, 'GET', `${serverless}/acs`, success, created)],
  [
    '§7 PATCH 200 (UPDATING)',
    'drift',
    answer(200, 'PATCH', `${serverless}/acs`, success, { ...created, stateName: 'UPDATING' }),
  ],
  [
    '§7 GET after DELETE (DELETING)',
    'drift',
    answer(200, 'GET', `${serverless}/acs`, success, { ...created, stateName: 'DELETING' }),
  ],
  ['§7 DELETE 202 {}', 'conformant', answer(202, 'DELETE', `${serverless}/acs`, success, {})],
  [
    '§0 list after 2026-01-15 (empty)',
    'conformant',
    answer(200, 'GET', serverless, success, { links: [], results: [], totalCount: 0 }),
  ],
  [
    '§7 list with one instance',
    'drift',
    answer(200, 'GET', serverless, success, { links: [], results: [created], totalCount: 1 }),
  ],
  [
    '§7 Flex representation',
    'conformant',
    answer(200, 'GET', `${flex}/acs`, flexSuccess, flexCluster),
  ],
  [
    '§7 Flex DELETE 204, no body',
    'conformant',
    answer(204, 'DELETE', `${flex}/acs`, flexSuccess, undefined),
  ],
  [
    '§1 401 challenge, pretty, no errorCode',
    'drift',
    answer(401, 'POST', serverless, challenge, pretty401),
  ],
  [
    '§1 401 challenge of 2026-08 (UNEXPECTED_ERROR)',
    'conformant',
    answer(
      401,
      'POST',
      serverless,
      { ...challenge, 'X-Error-Code': 'UNEXPECTED_ERROR' },
      {
        error: 401,
        reason: 'Unauthorized',
        detail: generic401,
        errorCode: 'UNEXPECTED_ERROR',
      },
    ),
  ],
  [
    '§1 401 challenge of a DELETE (empty body)',
    'drift',
    answer(401, 'DELETE', `${serverless}/acs`, { ...challenge, 'Content-Length': '0' }, undefined),
  ],
  [
    '§1 wrong key pair: the generic 401 again',
    'drift',
    answer(401, 'POST', serverless, challenge, {
      error: 401,
      reason: 'Unauthorized',
      detail: generic401,
    }),
  ],
  [
    '§1 401 USER_UNAUTHORIZED',
    'conformant',
    error(
      401,
      'POST',
      serverless,
      'USER_UNAUTHORIZED',
      'Current user is not authorized to perform this action.',
      [],
    ),
  ],
  [
    '§1 401 NOT_IN_GROUP',
    'conformant',
    error(
      401,
      'POST',
      serverless,
      'NOT_IN_GROUP',
      'The current user is not in the group, or the group does not exist.',
      [],
    ),
  ],
  [
    '§1 403 IP_ADDRESS_NOT_ON_ACCESS_LIST',
    'drift',
    error(
      403,
      'POST',
      serverless,
      'IP_ADDRESS_NOT_ON_ACCESS_LIST',
      'IP address 203.0.113.9 is not allowed to access this resource.',
      ['203.0.113.9'],
    ),
  ],
  [
    '§2 token 200',
    'conformant',
    answer(
      200,
      'POST',
      `${host}/api/oauth/token`,
      { 'Content-Type': 'application/json' },
      {
        access_token: 'eyJhbGciOiJFUzUxMiJ9.e30.sig',
        expires_in: 3600,
        token_type: 'Bearer',
      },
    ),
  ],
  [
    '§2 token 401 invalid_client',
    'conformant',
    answer(
      401,
      'POST',
      `${host}/api/oauth/token`,
      { 'Content-Type': 'application/json' },
      {
        error_description: 'Invalid credentials provided.',
        error: 'invalid_client',
      },
    ),
  ],
  [
    '§2 revoke 200, no body',
    'conformant',
    answer(200, 'POST', `${host}/api/oauth/revoke`, {}, undefined),
  ],
  [
    '§2 expired bearer token: the generic 401',
    'drift',
    answer(
      401,
      'GET',
      serverless,
      { 'Content-Type': 'application/json' },
      { error: 401, reason: 'Unauthorized', detail: generic401 },
    ),
  ],
  [
    '§3 406 INVALID_VERSION_DATE',
    'conformant',
    error(
      406,
      'POST',
      serverless,
      'INVALID_VERSION_DATE',
      'Invalid accept header or version date.',
      [],
    ),
  ],
  [
    '§5 404 GROUP_NOT_FOUND',
    'drift',
    error(
      404,
      'POST',
      serverless,
      'GROUP_NOT_FOUND',
      'No group with ID 111111111111111111111111 exists.',
      ['111111111111111111111111'],
    ),
  ],
  [
    '§5 400 MISSING_ATTRIBUTE',
    'drift',
    error(
      400,
      'POST',
      serverless,
      'MISSING_ATTRIBUTE',
      'The required attribute name was not specified.',
      ['name'],
    ),
  ],
  [
    '§5 400 INVALID_REGION, region missing',
    'drift',
    error(400, 'POST', serverless, 'INVALID_REGION', 'No region  exists for provider AWS.', [
      '',
      'AWS',
    ]),
  ],
  [
    '§5 400 INVALID_PROVIDER',
    'drift',
    error(400, 'POST', serverless, 'INVALID_PROVIDER', 'No provider MARS exists.', ['MARS']),
  ],
  [
    '§5 400 INVALID_ENUM_VALUE',
    'drift',
    error(
      400,
      'POST',
      serverless,
      'INVALID_ENUM_VALUE',
      'An invalid enumeration value FLEX was specified.',
      ['FLEX'],
    ),
  ],
  [
    '§5 400 INVALID_JSON_ATTRIBUTE',
    'drift',
    error(
      400,
      'POST',
      serverless,
      'INVALID_JSON_ATTRIBUTE',
      'Received JSON for the tags attribute does not match expected format.',
      ['tags'],
    ),
  ],
  [
    '§5 400 CLUSTER_NAME_INVALID',
    'drift',
    error(
      400,
      'POST',
      serverless,
      'CLUSTER_NAME_INVALID',
      'The cluster name a_b is invalid. ' +
        'The name can only contain ASCII letters, numbers, and hyphens.',
      ['a_b'],
    ),
  ],
  [
    '§5 400 DUPLICATE_CLUSTER_NAME',
    'drift',
    error(
      400,
      'POST',
      serverless,
      'DUPLICATE_CLUSTER_NAME',
      `A cluster or serverless instance named acs is already present in group ${group}.`,
      ['cluster or serverless instance', 'acs', group],
    ),
  ],
  [
    '§5 402 NO_PAYMENT_INFORMATION_FOUND',
    'drift',
    error(
      402,
      'POST',
      serverless,
      'NO_PAYMENT_INFORMATION_FOUND',
      `No payment information was found for group ${group}.`,
      [group],
    ),
  ],
  [
    '§5 400 CANNOT_USE_FLEX_CLUSTER_IN_CLUSTER_API',
    'drift',
    error(
      400,
      'GET',
      `${host}/api/atlas/v2/groups/${group}/clusters/acs`,
      'CANNOT_USE_FLEX_CLUSTER_IN_CLUSTER_API',
      'Flex cluster acs cannot be used in the Cluster API.',
      ['acs'],
    ),
  ],
  [
    '§5 400 CANNOT_USE_NON_FLEX_CLUSTER_IN_FLEX_API',
    'drift',
    error(
      400,
      'GET',
      `${flex}/big`,
      'CANNOT_USE_NON_FLEX_CLUSTER_IN_FLEX_API',
      'Cannot use non-flex cluster big in the flex API.',
      ['big'],
    ),
  ],
  [
    '§5 404 CLUSTER_NOT_FOUND',
    'drift',
    error(
      404,
      'GET',
      `${flex}/acs`,
      'CLUSTER_NOT_FOUND',
      `No cluster named acs exists in group ${group}.`,
      ['acs', group],
    ),
  ],
  [
    '§5 400 CANNOT_TERMINATE_CLUSTER_WHEN_TERMINATION_PROTECTION_ENABLED',
    'drift',
    error(
      400,
      'DELETE',
      `${host}/api/atlas/v2/groups/${group}/clusters/acs`,
      'CANNOT_TERMINATE_CLUSTER_WHEN_TERMINATION_PROTECTION_ENABLED',
      'Cannot terminate a cluster when termination protection is enabled. ' +
        'Disable termination protection and try again.',
      [`Cannot terminate cluster acs in group ${group} because termination protection is on.`],
    ),
  ],
  [
    '§5 400 CLUSTER_ALREADY_REQUESTED_DELETION',
    'drift',
    error(
      400,
      'DELETE',
      `${serverless}/acs`,
      'CLUSTER_ALREADY_REQUESTED_DELETION',
      'The cluster acs has already been requested for deletion.',
      ['acs'],
    ),
  ],
  [
    '§5 400 ATLAS_GENERAL_ERROR, update while deleting',
    'drift',
    error(
      400,
      'PATCH',
      `${serverless}/acs`,
      'ATLAS_GENERAL_ERROR',
      'Reason: This cluster is currently being deleted, cannot update.',
      ['This cluster is currently being deleted, cannot update.'],
    ),
  ],
  [
    '§5 400 MAX_GROUPS_PER_ORG_EXCEEDED',
    'drift',
    error(
      400,
      'POST',
      `${host}/api/atlas/v2/groups`,
      'MAX_GROUPS_PER_ORG_EXCEEDED',
      'Maximum number of groups per organization (250) in org exceeded while trying to add group.',
      ['250', 'org'],
    ),
  ],
  [
    '§5 400 TENANT_CLUSTER_UPDATE_UNSUPPORTED',
    'conformant',
    error(
      400,
      'PATCH',
      `${host}/api/atlas/v2/groups/${group}/clusters/acs`,
      'TENANT_CLUSTER_UPDATE_UNSUPPORTED',
      'Cannot update a M0/Flex cluster through the public API.',
      [],
    ),
  ],
  [
    '§5 500 UNEXPECTED_ERROR',
    'conformant',
    error(500, 'POST', serverless, 'UNEXPECTED_ERROR', 'Unexpected error.', []),
  ],
  [
    '§5 parameters null',
    'drift',
    error(400, 'PATCH', `${serverless}/acs`, 'ATLAS_GENERAL_ERROR', 'Reason: x', null),
  ],
  [
    '§5 405, empty body, Allow',
    'drift',
    answer(405, 'PUT', serverless, { Allow: 'POST,GET,OPTIONS' }, undefined),
  ],
  [
    '§5 502 HTML page of the gateway',
    'drift',
    answer(
      502,
      'POST',
      serverless,
      { 'Content-Type': 'text/html' },
      '<html><body><h1>502 Bad Gateway</h1></body></html>',
    ),
  ],
  [
    '§6 429 RATE_LIMITED_TOKEN_BUCKET (mixed parameters)',
    'drift',
    error(
      429,
      'POST',
      serverless,
      'RATE_LIMITED_TOKEN_BUCKET',
      'Rate limit exceeded for api/atlas/v2/orgs. Please retry after 55 seconds. ' +
        'Request capacity: 10. Refill rate: 5 per 60 seconds.',
      ['api/atlas/v2/orgs', 55, 10, 5, 60],
    ),
  ],
  [
    '§0 410 VERSION_GONE (spec example)',
    'conformant',
    answer(
      410,
      'POST',
      serverless,
      { 'Content-Type': 'application/json', 'X-Error-Code': 'VERSION_GONE' },
      {
        detail:
          'This happens when a resource is marked for sunset and the sunset date is in the past.',
        error: 410,
        errorCode: 'VERSION_GONE',
        reason: 'Gone',
      },
    ),
  ],
  [
    '§4 envelope of a 201',
    'drift',
    answer(200, 'POST', `${serverless}?envelope=true`, success, { status: 201, content: created }),
  ],
];
