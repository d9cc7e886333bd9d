/**
 * Faults the mock can plant on purpose, one realistic way at a time for an Atlas-compatible
 * server to go wrong. The kill matrix (cli/kill-matrix.ts) switches each on alone and expects
 * the check named in `caughtBy` to fail; the correct mock must raise no alarm.
 *
 * Rules:
 * - `caughtBy` is a check name of the suite (Schemathesis vocabulary), never a test title;
 * - `clock` is where the mock's clock must start for the fault to show (its era);
 * - how each fault is planted lives in mock/faults/: on the wire (answers rewritten after the
 *   routes ran), in the request (headers forged before the routes run), or in the routes'
 *   logic (a one-line hook in the route, named after the fault).
 */
export const checkNames = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_schema_conformance',
  'response_headers_conformance',
  'positive_data_acceptance',
  'negative_data_rejection',
  'envelope_conformance',
  'pretty_conformance',
  'ignored_auth',
  'authorization',
  'version_negotiation',
  'duplicate_name',
  'lifecycle',
  'flex_migration',
  'sunset',
  'rate_limit',
] as const;

export type CheckName = (typeof checkNames)[number];

export interface FaultEntry {
  what: string;
  caughtBy: CheckName;
  /** ISO instant the mock's clock must start at; the default clock otherwise. */
  clock?: string;
}

/** A clock past the sunset (15 Jan 2026): the era in which every create must be 410. */
export const goneClock = '2026-03-01T00:00:00Z';

export const faultCatalogue = {
  // Validation too lax.
  'validation-off': {
    what: 'the body is not validated: any JSON object is created',
    caughtBy: 'negative_data_rejection',
  },
  'name-pattern-unchecked': {
    what: 'names breaking ^[a-zA-Z0-9][a-zA-Z0-9-]*$ are created',
    caughtBy: 'negative_data_rejection',
  },
  'name-required-unchecked': {
    what: 'a body without name is created (under the name "undefined")',
    caughtBy: 'negative_data_rejection',
  },
  'tag-length-unchecked': {
    what: 'tag keys and values of 0 or 256+ characters are created',
    caughtBy: 'negative_data_rejection',
  },
  'region-unchecked': {
    what: 'a region the backing provider does not offer is created',
    caughtBy: 'negative_data_rejection',
  },
  'group-id-unchecked': {
    what: 'a malformed groupId is looked up like any other and refused 401 USER_UNAUTHORIZED',
    caughtBy: 'negative_data_rejection',
  },
  'validation-status-422': {
    what: 'a create the contract refuses is answered 422 Unprocessable Entity instead of 400',
    caughtBy: 'status_code_conformance',
  },
  // Validation too strict.
  'name-hyphen-refused': {
    what: 'valid names holding a hyphen are refused 400 CLUSTER_NAME_INVALID',
    caughtBy: 'positive_data_acceptance',
  },
  'long-name-refused': {
    what: 'valid names longer than 16 characters are refused 400 CLUSTER_NAME_INVALID',
    caughtBy: 'positive_data_acceptance',
  },
  'tags-refused': {
    what: 'any valid tag is refused 400 INVALID_ATTRIBUTE',
    caughtBy: 'positive_data_acceptance',
  },
  'backup-options-refused': {
    what: 'serverlessBackupOptions is refused as an unknown attribute',
    caughtBy: 'positive_data_acceptance',
  },
  'region-list-truncated': {
    what: 'only the first region of each provider is accepted; the others get INVALID_REGION',
    caughtBy: 'positive_data_acceptance',
  },
  'group-id-digits-only': {
    what: 'groupId is checked against ^[0-9]{24}$: every project id with a hex letter is malformed',
    caughtBy: 'positive_data_acceptance',
  },
  'provider-name-required': {
    what: 'a body without the optional providerSettings.providerName is refused MISSING_ATTRIBUTE',
    caughtBy: 'positive_data_acceptance',
  },
  // Wrong success status or body.
  'create-status-200': {
    what: 'a successful create is answered 200 instead of 201',
    caughtBy: 'positive_data_acceptance',
  },
  'create-id-not-object-id': {
    what: 'the created instance comes back with a UUID for its id, not an ObjectId',
    caughtBy: 'response_schema_conformance',
  },
  // An enum breach in an answer is documentation drift to the contracts (contracts/verdict.ts),
  // so the schema check only warns; positive_data_acceptance holds stateName to its enum.
  'state-name-outside-enum': {
    what: 'the created instance is in state PROVISIONING, outside the stateName enum',
    caughtBy: 'positive_data_acceptance',
  },
  'create-date-not-date-time': {
    what: 'createDate is written as a locale date string, not an RFC 3339 date-time',
    caughtBy: 'response_schema_conformance',
  },
  'tags-dropped': {
    what: 'the created instance comes back without the tags that were sent',
    caughtBy: 'positive_data_acceptance',
  },
  'termination-protection-not-echoed': {
    what: 'terminationProtectionEnabled always comes back false',
    caughtBy: 'positive_data_acceptance',
  },
  'region-not-echoed': {
    what: 'providerSettings.regionName always comes back as US_EAST_1',
    caughtBy: 'positive_data_acceptance',
  },
  'flex-backup-default-on': {
    what: 'in the Flex era a create without the backup flag answers it true (the old default)',
    caughtBy: 'flex_migration',
  },
  // Media types.
  'success-media-type-unversioned': {
    what: 'success answers are application/json instead of the versioned media type',
    caughtBy: 'content_type_conformance',
  },
  'error-media-type-html': {
    what: 'error answers are labelled text/html',
    caughtBy: 'content_type_conformance',
  },
  // Envelope and pretty.
  'envelope-ignored': {
    what: 'envelope=true is ignored: the plain answer comes back',
    caughtBy: 'envelope_conformance',
  },
  'envelope-status-wrong': {
    what: 'the envelope always says status 200, whatever the answer was',
    caughtBy: 'envelope_conformance',
  },
  'pretty-ignored': {
    what: 'pretty=true is ignored: the body stays compact',
    caughtBy: 'pretty_conformance',
  },
  'pretty-always': {
    what: 'every body is indented, pretty or not',
    caughtBy: 'pretty_conformance',
  },
  // Error bodies.
  'error-code-generic': {
    what: 'every 400 carries errorCode BAD_REQUEST instead of the specific code',
    caughtBy: 'negative_data_rejection',
  },
  'error-number-as-string': {
    what: 'the error field is the status as a string ("400"), not an integer',
    caughtBy: 'response_schema_conformance',
  },
  'error-reason-wrong': {
    what: 'every 4xx error body gives the reason "Bad Request", whatever its status',
    caughtBy: 'response_schema_conformance',
  },
  'error-number-mismatch': {
    what: 'every error body says error 400, whatever the status of the answer',
    caughtBy: 'response_schema_conformance',
  },
  // Authentication and authorisation.
  'auth-not-enforced': {
    what: 'requests without credentials are served as the project owner',
    caughtBy: 'ignored_auth',
  },
  'wrong-key-accepted': {
    what: 'a digest answered with a wrong private key is accepted',
    caughtBy: 'ignored_auth',
  },
  'digest-challenge-missing': {
    what: 'the 401 carries no WWW-Authenticate challenge',
    caughtBy: 'ignored_auth',
  },
  'digest-challenge-malformed': {
    what: 'the digest challenge adds charset=UTF-8 and quotes the algorithm',
    caughtBy: 'ignored_auth',
  },
  'token-expiry-ignored': {
    what: 'a bearer token past its hour of life is still accepted',
    caughtBy: 'ignored_auth',
  },
  'role-not-enforced': {
    what: 'a key without the Project Owner role may create',
    caughtBy: 'authorization',
  },
  'accept-not-enforced': {
    what: 'a missing, unknown or malformed Accept version is served as 2023-01-01',
    caughtBy: 'version_negotiation',
  },
  // Resource rules.
  'duplicates-allowed': {
    what: 'a second create with a taken name replaces the first instead of 400',
    caughtBy: 'duplicate_name',
  },
  'termination-protection-ignored': {
    what: 'a protected instance is deleted',
    caughtBy: 'lifecycle',
  },
  'get-not-found': {
    what: 'GET of a created instance answers 404',
    caughtBy: 'lifecycle',
  },
  // Deprecation, sunset, rate limits, server errors.
  'deprecation-headers-missing': {
    what: 'the deprecated version answers without Deprecation and Sunset headers',
    caughtBy: 'response_headers_conformance',
  },
  'sunset-header-malformed': {
    what: 'the Sunset header is an ISO 8601 date instead of an HTTP-date',
    caughtBy: 'response_headers_conformance',
  },
  'no-410-after-sunset': {
    what: 'past the sunset the endpoint still creates instead of 410 VERSION_GONE',
    caughtBy: 'sunset',
    clock: goneClock,
  },
  'rate-limit-without-retry-after': {
    what: 'the 429 of the rate limit carries no Retry-After header',
    caughtBy: 'rate_limit',
  },
  'server-error-on-unicode': {
    what: 'a create whose body holds non-ASCII text is answered 500 UNEXPECTED_ERROR',
    caughtBy: 'not_a_server_error',
  },
} as const satisfies Record<string, FaultEntry>;

export type FaultId = keyof typeof faultCatalogue;

export function isFaultId(value: string): value is FaultId {
  return Object.hasOwn(faultCatalogue, value);
}

export function faultEntry(id: FaultId): FaultEntry {
  return faultCatalogue[id];
}
