/**
 * `npm run bench:mock`: requests per second and p99 latency of the embedded mock's create and
 * get (bearer auth), side by side in one run with a bare node:http server and with Prism serving
 * the published contract (issue 4, "Speed").
 *
 * Rules of a fair run:
 * - Each server runs alone in its own process, so that the load generator (autocannon, in this
 *   process) and the server each have a core.
 * - The bare server answers the same bytes as the mock: a real create and a real get answer of
 *   the mock are captured off the socket at the start (status line, headers, body) and replayed
 *   by bench/replay-server.ts, and the bench checks that the bare server's answers are identical.
 *   autocannon parses every answer (status line, each header, the body's length), so a bare
 *   server with a short body and two headers would cost the load generator less per answer and
 *   raise the bare figure for reasons that have nothing to do with the server.
 * - Both get the very same requests, including a fresh create body per request: the same name
 *   would measure the duplicate refusal instead.
 * - Each measurement follows a warm-up under the same load, not counted, so that JIT compilation
 *   and first-use allocations do not weigh on either side.
 *
 * Targets (2-core machine): the mock at least half the bare server's throughput and at least ten
 * times Prism's, for create and for get, with every answer 2xx. Exit 0 when all are met, 1 when
 * one is missed, 2 when the bench could not run. Settings: BENCH_SECONDS (default 8 per
 * measurement), BENCH_WARMUP_SECONDS (default 2), BENCH_CONNECTIONS (default 10). Prism is
 * skipped, with a note, when the contract file is absent.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';

import { demoFixtures, loadWorld } from '../fixtures/world.ts';
import { captureAnswer, type CapturedAnswer, type RawRequest } from './capture-answer.ts';
import { replayServerSource, replayVariable, type ReplayedAnswers } from './replay-server.ts';

interface CannonResult {
  requests: { average: number };
  latency: { p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
interface CannonRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  setupRequest?: (request: CannonRequest) => CannonRequest;
}
type Cannon = (options: {
  url: string;
  connections: number;
  duration: number;
  requests: CannonRequest[];
}) => Promise<CannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Cannon;

const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const contract = new URL('../../shared/reference/atlas-openapi-serverless.json', import.meta.url)
  .pathname;
const demo = demoFixtures(loadWorld());
const accept = 'application/vnd.atlas.2023-01-01+json';
const serverlessPath = `/api/atlas/v2/groups/${demo.project.id}/serverless`;
const getName = 'benchGet';
const progress = (line: string) => process.stdout.write(`${line}\n`);

/** Starts a server process and waits for the line that says where it listens. */
async function startProcess(
  label: string,
  command: string,
  args: string[],
  ready: RegExp,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ child: ChildProcess; baseUrl: string }> {
  progress(`starting ${label} ...`);
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  const lines = createInterface({ input: child.stdout! });
  const errors = createInterface({ input: child.stderr! });
  const found = new Promise<string>((resolve, reject) => {
    const look = (line: string) => {
      const url = ready.exec(line)?.[1];
      if (url !== undefined) resolve(url.replace(/\/$/, ''));
    };
    lines.on('line', look);
    errors.on('line', look);
    child.once('exit', (code) =>
      reject(new Error(`${label} exited with ${code} before listening`)),
    );
    setTimeout(() => reject(new Error(`${label} did not start within 60 s`)), 60_000).unref();
  });
  return { child, baseUrl: await found };
}

/** A port nobody listens on now (Prism prints no port of its own choosing). */
async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}

let counter = 0;
const providerSettings =
  '"providerSettings":{"backingProviderName":"AWS","regionName":"US_EAST_1"}';
function createRequest(token: string): CannonRequest {
  return {
    method: 'POST',
    path: serverlessPath,
    headers: { accept, 'content-type': 'application/json', authorization: `Bearer ${token}` },
    setupRequest: (request) => ({
      ...request,
      body: `{"name":"bench${(counter += 1)}",${providerSettings}}`,
    }),
  };
}

function getRequest(token: string): CannonRequest {
  return {
    method: 'GET',
    path: `${serverlessPath}/${getName}`,
    headers: { accept, authorization: `Bearer ${token}` },
  };
}

interface Row {
  server: string;
  operation: string;
  rps: number;
  p99: number;
  failed: number;
}

async function measure(server: string, operation: string, url: string, request: CannonRequest) {
  if (warmupSeconds > 0) {
    progress(`warming up ${server} ${operation} for ${warmupSeconds} s (not counted)`);
    await autocannon({ url, connections, duration: warmupSeconds, requests: [request] });
  }
  progress(`measuring ${server} ${operation} for ${seconds} s with ${connections} connections`);
  const result = await autocannon({ url, connections, duration: seconds, requests: [request] });
  const row: Row = {
    server,
    operation,
    rps: Math.round(result.requests.average),
    p99: result.latency.p99,
    failed: result.non2xx + result.errors + result.timeouts,
  };
  progress(`  ${row.rps} req/s, p99 ${row.p99} ms, ${row.failed} not 2xx`);
  return row;
}

async function bearerToken(baseUrl: string): Promise<string> {
  const { clientId, clientSecret } = demo.serviceAccount;
  const answer = await fetch(`${baseUrl}/api/oauth/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  return ((await answer.json()) as { access_token: string }).access_token;
}

function rawOf(request: CannonRequest, body?: string): RawRequest {
  return { method: request.method, path: request.path, headers: request.headers, body };
}

/** Captures one create and one get answer of a running mock, the get's instance seeded. */
async function captureMockAnswers(baseUrl: string, token: string): Promise<ReplayedAnswers> {
  const { hostname, port } = new URL(baseUrl);
  const target = [hostname, Number(port)] as const;
  const create = (name: string) => `{"name":"${name}",${providerSettings}}`;
  const seeded = await captureAnswer(...target, rawOf(createRequest(token), create(getName)));
  if (seeded.status !== 201) throw new Error(`the mock must create ${getName}: ${seeded.status}`);
  const answers = {
    create: await captureAnswer(...target, rawOf(createRequest(token), create('benchCapture'))),
    get: await captureAnswer(...target, rawOf(getRequest(token))),
  };
  if (answers.create.status !== 201 || answers.get.status !== 200) {
    throw new Error(
      `the mock must answer 201 and 200 to capture them, not ${answers.create.status}`,
    );
  }
  return answers;
}

/** Why two answers differ on the wire, or undefined when they are the same bytes. */
function wireDifference(expected: CapturedAnswer, actual: CapturedAnswer): string | undefined {
  const head = (answer: CapturedAnswer) =>
    [`${answer.status} ${answer.statusMessage}`, ...answer.headers.map((h) => h.join(': '))].join(
      '\n',
    );
  if (head(expected) !== head(actual)) return `head\n${head(expected)}\nvs\n${head(actual)}`;
  return expected.body === actual.body ? undefined : 'body';
}

interface MockRun {
  answers: ReplayedAnswers;
  /** The bearer token the mock issued; the other servers get it too, for the same requests. */
  token: string;
}

async function benchMock(rows: Row[]): Promise<MockRun> {
  // The mock as `npm run mock` serves it, without the default rate limit (a bench would meet it).
  const mockArgs = ['--import', 'tsx', 'cli/mock.ts', '--port', '0', '--rate-limit', 'off'];
  const mock = await startProcess('embedded mock', process.execPath, mockArgs, /on (http:\S+)/);
  try {
    const token = await bearerToken(mock.baseUrl);
    const answers = await captureMockAnswers(mock.baseUrl, token);
    progress(
      `captured the mock's answers: create ${answers.create.body.length} bytes of body, ` +
        `get ${answers.get.body.length}, ${answers.get.headers.length} header lines`,
    );
    rows.push(await measure('mock', 'create', mock.baseUrl, createRequest(token)));
    rows.push(await measure('mock', 'get', mock.baseUrl, getRequest(token)));
    return { answers, token };
  } finally {
    await stop(mock.child);
  }
}

async function benchBare(rows: Row[], { answers, token }: MockRun): Promise<void> {
  const env = { ...process.env, [replayVariable]: JSON.stringify(answers) };
  const args = ['-e', replayServerSource];
  const bare = await startProcess('bare node:http', process.execPath, args, /on (http:\S+)/, env);
  try {
    const { hostname, port } = new URL(bare.baseUrl);
    const created = `{"name":"benchCapture",${providerSettings}}`;
    const replayed = {
      create: await captureAnswer(hostname, Number(port), rawOf(createRequest(token), created)),
      get: await captureAnswer(hostname, Number(port), rawOf(getRequest(token))),
    };
    for (const operation of ['create', 'get'] as const) {
      const difference = wireDifference(answers[operation], replayed[operation]);
      if (difference !== undefined) {
        throw new Error(`the bare server must answer the mock's ${operation} bytes: ${difference}`);
      }
    }
    progress("the bare server's answers are the mock's, byte for byte");
    rows.push(await measure('bare node:http', 'create', bare.baseUrl, createRequest(token)));
    rows.push(await measure('bare node:http', 'get', bare.baseUrl, getRequest(token)));
  } finally {
    await stop(bare.child);
  }
}

async function benchPrism(rows: Row[], { token }: MockRun): Promise<string | undefined> {
  if (!existsSync(contract)) return `Prism skipped: ${contract} is absent.`;
  const prismBin = new URL('../node_modules/.bin/prism', import.meta.url).pathname;
  const port = await freePort();
  const prism = await startProcess(
    'Prism',
    prismBin,
    ['mock', '--port', String(port), '--host', '127.0.0.1', contract],
    /listening on (http:\/\/[^\s]+)/i,
  );
  try {
    rows.push(await measure('Prism', 'create', prism.baseUrl, createRequest(token)));
    rows.push(await measure('Prism', 'get', prism.baseUrl, getRequest(token)));
  } finally {
    await stop(prism.child);
  }
  return undefined;
}

/** Prints the table and the verdict of each target; true when every target is met. */
function report(rows: Row[], prismNote: string | undefined): boolean {
  const pad = (text: string | number, width: number) => String(text).padEnd(width);
  progress('');
  progress(
    `${pad('server', 16)}${pad('operation', 12)}${pad('req/s', 10)}${pad('p99 ms', 8)}not 2xx`,
  );
  for (const row of rows) {
    progress(
      `${pad(row.server, 16)}${pad(row.operation, 12)}${pad(row.rps, 10)}${pad(row.p99, 8)}` +
        `${row.failed}`,
    );
  }
  progress('');
  let met = true;
  const find = (server: string, operation: string) =>
    rows.find((r) => r.server === server && r.operation === operation);
  for (const operation of ['create', 'get']) {
    const mock = find('mock', operation);
    const bare = find('bare node:http', operation);
    const prism = find('Prism', operation);
    if (mock === undefined || bare === undefined) throw new Error(`${operation} was not measured`);
    const vsBare = mock.rps / bare.rps;
    met &&= vsBare >= 0.5 && mock.failed === 0;
    let line = `mock ${operation}: ${vsBare.toFixed(2)}x bare (target >= 0.5x)`;
    if (prism !== undefined) {
      const vsPrism = mock.rps / prism.rps;
      met &&= vsPrism >= 10;
      line += `, ${vsPrism.toFixed(1)}x Prism (target >= 10x)`;
    }
    if (mock.failed > 0) line += `; ${mock.failed} answers not 2xx, so the figure does not count`;
    progress(line);
  }
  if (prismNote !== undefined) progress(prismNote);
  progress(met ? 'all targets met' : 'a target was missed');
  return met;
}

async function main(): Promise<number> {
  const rows: Row[] = [];
  const mock = await benchMock(rows);
  await benchBare(rows, mock);
  const prismNote = await benchPrism(rows, mock);
  return report(rows, prismNote) ? 0 : 1;
}

process.exitCode = await main().catch((error: Error) => {
  process.stderr.write(`bench:mock could not run: ${error.message}\n`);
  return 2;
});
