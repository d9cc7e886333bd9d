/**
 * Before any check, one authenticated create with an empty body `{}` (it lacks `name`, so no
 * target can create anything from it) establishes, in one request:
 * - the target is an Atlas API at all: a non-JSON 5xx is not, nor a refusal whose body names
 *   neither its status nor an Atlas errorCode;
 * - the credentials work and hold Project Owner (401), the machine is on the access list (403),
 *   the project exists (404) and can pay (402);
 * - the endpoint's state: alive (400, the body is refused), deprecated (the same, with
 *   `Deprecation`/`Sunset` headers) or gone (410 past its sunset).
 * A problem is one clear line (PreflightRefused or TargetUnreachable: the run could not happen).
 *
 * A 2xx to `{}` means the target validates nothing, and may have created an instance that no
 * run tag marks, so no sweep would ever find it: PreflightCreated names what it answered, and
 * `removeCreated` deletes it when the answer names it (a live run stops there, exit 2; the
 * embedded mock only does this with a planted fault, which the checks are there to catch).
 */
import { TargetUnreachable, type AtlasClient } from '../lib/atlas-client.ts';
import { deleteInstance } from '../lib/delete-instance.ts';

export type EndpointState = 'alive' | 'deprecated' | 'gone';

export interface PreflightResult {
  state: EndpointState;
  /** One line for people: what was asked, what was answered, what it means. */
  line: string;
  deprecation: string | undefined;
  sunset: string | undefined;
  /** The target's Date header. */
  date: string | undefined;
}

export class PreflightRefused extends Error {}

/** The empty create was accepted; `name` and `id` are what the answer said, if anything. */
export class PreflightCreated extends PreflightRefused {
  constructor(
    message: string,
    readonly status: number,
    readonly instanceName: string | undefined,
    readonly instanceId: string | undefined,
  ) {
    super(message);
  }
}

function stringField(json: unknown, field: string): string | undefined {
  const value = (json as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * How a server that turns a missing field into text names what `{}` created (JavaScript's
 * `String(undefined)`): the instance is still deleted under that name, but the line says the
 * name was missing rather than print a word that reads like a bug of this suite.
 */
const missingAsText = new Set(['undefined', 'null']);

/** What the answer to the empty create named, for people. */
function answeredWhat({ instanceName: name, instanceId: id }: PreflightCreated): string {
  if (name !== undefined && missingAsText.has(name)) {
    const which = id === undefined ? 'an instance' : `id ${id}`;
    return `${which} with no name (it wrote the missing name as text)`;
  }
  const what = [
    name === undefined ? undefined : `name ${name}`,
    id === undefined ? undefined : `id ${id}`,
  ]
    .filter(Boolean)
    .join(', ');
  return what === '' ? 'no name or id' : what;
}

/**
 * Deletes what an accepted empty create made, when its answer named it; returns the one line
 * that ends the live run: what was answered, and what a person must still delete by hand.
 */
export async function removeCreated(
  client: AtlasClient,
  projectId: string,
  created: PreflightCreated,
): Promise<string> {
  const head = `${created.message}; it answered ${answeredWhat(created)}`;
  if (created.instanceName === undefined) {
    return `${head}: anything it created carries no run tag and must be deleted by hand`;
  }
  const outcome = await deleteInstance(client, projectId, created.instanceName).catch(
    () => undefined,
  );
  if (outcome?.deleted === true) return `${head}: deleted it (${outcome.status})`;
  return (
    `${head}: deleting it answered ${outcome?.status ?? 'nothing'}; ` +
    `delete the instance named ${JSON.stringify(created.instanceName)} in project ${projectId} ` +
    'by hand'
  );
}

function errorCodeOf(json: unknown): string {
  const code = (json as { errorCode?: unknown } | undefined)?.errorCode;
  return typeof code === 'string' ? code : 'no errorCode';
}

/**
 * Whether a refusal reads as Atlas's at all: its `error` is the HTTP status, or it carries an
 * Atlas-style `errorCode`. Deliberately looser than the error contract: an Atlas whose error
 * bodies deviate (an `error` sent as text, say) is still judged, and failed, by the checks,
 * rather than turned away here as something else.
 */
function namesItsRefusal(json: unknown, status: number): boolean {
  if (typeof json !== 'object' || json === null) return false;
  const { error, errorCode } = json as { error?: unknown; errorCode?: unknown };
  const errorIsStatus =
    (typeof error === 'number' || typeof error === 'string') && Number(error) === status;
  return errorIsStatus || (typeof errorCode === 'string' && /^[A-Z][A-Z0-9_]*$/.test(errorCode));
}

export interface PreflightOptions {
  /** The target is the embedded mock: past the sunset the run goes on to check its 410s. */
  embeddedMock?: boolean;
}

export async function preflight(
  client: AtlasClient,
  projectId: string,
  options: PreflightOptions = {},
): Promise<PreflightResult> {
  const origin = new URL(client.baseUrl).origin;
  const probe = await client.send({
    method: 'POST',
    path: `/api/atlas/v2/groups/${encodeURIComponent(projectId)}/serverless`,
    rawBody: '{}',
  });
  const { status, headers, json } = probe.response;
  const code = errorCodeOf(json);
  const answered = `${origin} answered ${status} (${code})`;
  if (status >= 500 && json === undefined) {
    throw new TargetUnreachable(
      `${origin} answered ${status} with a body that is not JSON: is it an Atlas API?`,
    );
  }
  // Every verdict below is read from an Atlas error body: a refusal of another kind (a server
  // that answers 400 {"error":"nope"} to everything) says nothing of credentials or endpoint.
  if (status >= 300 && !namesItsRefusal(json, status)) {
    throw new TargetUnreachable(
      `preflight: ${origin} answered ${status} to an empty create, without an Atlas error ` +
        'body (an error equal to the status, or an UPPER_CASE errorCode): it does not answer ' +
        'like Atlas',
    );
  }
  const refuse = (why: string) => {
    throw new PreflightRefused(`preflight: ${answered}: ${why}`);
  };
  if (status === 401 && code === 'USER_UNAUTHORIZED') {
    refuse(`the credentials lack the Project Owner role on project ${projectId}`);
  }
  if (status === 401) {
    refuse(
      'the credentials were refused ' +
        '(MONGODB_ATLAS_PUBLIC_KEY/_PRIVATE_KEY or MONGODB_ATLAS_CLIENT_ID/_CLIENT_SECRET)',
    );
  }
  if (status === 403) refuse("this machine's address is not on the API access list of the key");
  if (status === 404 || code === 'INVALID_GROUP_ID') {
    refuse(`MONGODB_ATLAS_PROJECT_ID ${projectId} is not a project these credentials can see`);
  }
  if (status === 402)
    refuse(`project ${projectId} has no payment method: nothing could be created`);
  if (status === 429) refuse('the target is rate-limiting these credentials: try again later');
  if (status >= 500) {
    throw new TargetUnreachable(`preflight: ${answered}: the target is failing, try again later`);
  }
  if (status >= 200 && status < 300) {
    throw new PreflightCreated(
      `preflight: ${origin} answered ${status} to a create with the empty body {}, ` +
        'which lacks the required name and must be refused',
      status,
      stringField(json, 'name'),
      stringField(json, 'id'),
    );
  }

  const deprecation = headers.deprecation;
  const sunset = headers.sunset;
  const date = headers.date;
  const dates = [
    deprecation === undefined ? '' : `Deprecation: ${deprecation}`,
    sunset === undefined ? '' : `Sunset: ${sunset}`,
  ]
    .filter(Boolean)
    .join(', ');
  if (status === 410) {
    // A live run ends on this line (exit 3); on the embedded mock the checks go on.
    const meaning = options.embeddedMock
      ? "the embedded mock's clock is past the sunset, so the suite goes on to check the " +
        "mock's gone-era answers; checks that need a working create are skipped with the " +
        'reason (a live target would end here, exit 3).'
      : 'the target no longer offers POST /serverless; nothing can be created or checked there.';
    return {
      state: 'gone',
      line:
        `Endpoint: GONE. ${answered} to a create${dates === '' ? '' : ` (${dates})`}: ` + meaning,
      deprecation,
      sunset,
      date,
    };
  }
  if (deprecation !== undefined || sunset !== undefined) {
    return {
      state: 'deprecated',
      line: `Endpoint: deprecated (${dates}). Preflight: ${answered} to an empty create.`,
      deprecation,
      sunset,
      date,
    };
  }
  return {
    state: 'alive',
    line: `Endpoint: alive. Preflight: ${answered} to an empty create (date ${date ?? 'unknown'}).`,
    deprecation,
    sunset,
    date,
  };
}
