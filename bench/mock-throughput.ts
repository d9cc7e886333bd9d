/**
 * `npm run bench:mock`: requests per second and p99 latency of the embedded mock's create and
 * get (bearer auth), side by side in one run with a bare node:http server and with Prism serving
 * the published contract (issue 4, "Speed").
 *
 * Rules of a fair run:
 * - Each server runs in its own process, so that the load generator (autocannon, in this
 *   process) and the server measured each have a core.
 * - The bare server answers the same bytes as the mock: a real create and a real get answer of
 *   the mock are captured off the socket at the start (status line, headers, body) and replayed
 *   by bench/replay-server.ts, and the bench checks that the bare server's answers are identical.
 *   autocannon parses every answer (status line, each header, the body's length), so a bare
 *   server with a short body and two headers would cost the load generator less per answer and
 *   raise the bare figure for reasons that have nothing to do with the server.
 * - Both get the very same requests, including a fresh create body per request: the same name
 *   would measure the duplicate refusal instead.
 * - The mock and the bare server are measured in interleaved rounds, back to back and in
 *   alternating order, and the ratio is the median of the rounds' ratios. This shared machine's
 *   speed drifts by 40% over tens of seconds; measured one after the other, the two servers
 *   would meet different machines, while two measurements a few seconds apart meet the same one.
 * - Each server is warmed up under the same load before its first round, not counted, so that
 *   JIT compilation and first-use allocations do not weigh on either side.
 *
 * Targets (2-core machine): the mock at least half the bare server's throughput and at least ten
 * times Prism's, for create and for get, with every answer 2xx. Exit 0 when all are met, 1 when
 * one is missed, 2 when the bench could not run. Settings: BENCH_ROUNDS (default 5),
 * BENCH_SECONDS (default 3 per measurement), BENCH_WARMUP_SECONDS (default 2),
 * BENCH_CONNECTIONS (default 10). Prism is skipped, with a note, when the contract file is absent.
 */
import { existsSync } from 'node:fs';

import { demoFixtures, loadWorld } from '../fixtures/world.ts';
import { captureAnswer, type CapturedAnswer, type RawRequest } from './capture-answer.ts';
import { measureOnce, median, type CannonRequest, type Measurement } from './measure.ts';
import { replayServerSource, replayVariable, type ReplayedAnswers } from './replay-server.ts';
import {
  freePort,
  startServerProcess,
  stopServerProcess,
  type ServerProcess,
} from './server-process.ts';

const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const seconds = Number(process.env.BENCH_SECONDS ?? 3);
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const contract = new URL('../../shared/reference/atlas-openapi-serverless.json', import.meta.url)
  .pathname;
const demo = demoFixtures(loadWorld());
const accept = 'application/vnd.atlas.2023-01-01+json';
const serverlessPath = `/api/atlas/v2/groups/${demo.project.id}/serverless`;
const getName = 'benchGet';
const operations = ['create', 'get'] as const;
type Operation = (typeof operations)[number];
const progress = (line: string) => process.stdout.write(`${line}\n`);

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

const requestOf = (operation: Operation, token: string) =>
  operation === 'create' ? createRequest(token) : getRequest(token);

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

async function startMock(): Promise<ServerProcess> {
  progress('starting the embedded mock ...');
  // The mock as `npm run mock` serves it, without the default rate limit (a bench would meet it).
  const args = ['--import', 'tsx', 'cli/mock.ts', '--port', '0', '--rate-limit', 'off'];
  return startServerProcess('embedded mock', process.execPath, args, /on (http:\S+)/);
}

/** Starts the bare server on the mock's captured answers and checks it sends the same bytes. */
async function startBare(answers: ReplayedAnswers, token: string): Promise<ServerProcess> {
  progress('starting the bare node:http server ...');
  const env = { ...process.env, [replayVariable]: JSON.stringify(answers) };
  const args = ['-e', replayServerSource];
  const bare = await startServerProcess(
    'bare node:http',
    process.execPath,
    args,
    /on (http:\S+)/,
    env,
  );
  const { hostname, port } = new URL(bare.baseUrl);
  const created = `{"name":"benchCapture",${providerSettings}}`;
  const replayed = {
    create: await captureAnswer(hostname, Number(port), rawOf(createRequest(token), created)),
    get: await captureAnswer(hostname, Number(port), rawOf(getRequest(token))),
  };
  for (const operation of operations) {
    const difference = wireDifference(answers[operation], replayed[operation]);
    if (difference !== undefined) {
      throw new Error(`the bare server must answer the mock's ${operation} bytes: ${difference}`);
    }
  }
  progress("the bare server's answers are the mock's, byte for byte");
  return bare;
}

/** One operation on the mock and the bare server, in interleaved rounds. */
async function interleave(
  operation: Operation,
  servers: { mock: ServerProcess; bare: ServerProcess },
  token: string,
): Promise<{ mock: Measurement; bare: Measurement; ratios: number[] }> {
  const request = requestOf(operation, token);
  const load = { connections, requests: [request] };
  const measured = { mock: [] as Measurement[], bare: [] as Measurement[] };
  if (warmupSeconds > 0) {
    progress(`warming up both servers on ${operation}, ${warmupSeconds} s each (not counted)`);
    for (const name of ['mock', 'bare'] as const) {
      await measureOnce({ ...load, url: servers[name].baseUrl, duration: warmupSeconds });
    }
  }
  const ratios: number[] = [];
  for (let round = 1; round <= rounds; round += 1) {
    const order = round % 2 === 1 ? (['mock', 'bare'] as const) : (['bare', 'mock'] as const);
    for (const name of order) {
      const url = servers[name].baseUrl;
      measured[name].push(await measureOnce({ ...load, url, duration: seconds }));
    }
    const mock = measured.mock[round - 1]!;
    const bare = measured.bare[round - 1]!;
    ratios.push(mock.rps / bare.rps);
    progress(
      `  ${operation} round ${round}/${rounds}: mock ${mock.rps} req/s, ` +
        `bare ${bare.rps} req/s, ${(mock.rps / bare.rps).toFixed(2)}x`,
    );
  }
  return { mock: summarise(measured.mock), bare: summarise(measured.bare), ratios };
}

function summarise(measurements: Measurement[]): Measurement {
  return {
    rps: Math.round(median(measurements.map((m) => m.rps))),
    p99: median(measurements.map((m) => m.p99)),
    failed: measurements.reduce((sum, m) => sum + m.failed, 0),
  };
}

interface OperationResult {
  mock: Measurement;
  bare: Measurement;
  ratios: number[];
  prism?: Measurement;
}

async function benchPrism(
  results: Map<Operation, OperationResult>,
  token: string,
): Promise<string | undefined> {
  if (!existsSync(contract)) return `Prism skipped: ${contract} is absent.`;
  progress('starting Prism on the published contract ...');
  const prismBin = new URL('../node_modules/.bin/prism', import.meta.url).pathname;
  const port = await freePort();
  const args = ['mock', '--port', String(port), '--host', '127.0.0.1', contract];
  const prism = await startServerProcess('Prism', prismBin, args, /listening on (http:\S+)/i);
  try {
    for (const operation of operations) {
      const load = { connections, requests: [requestOf(operation, token)], url: prism.baseUrl };
      if (warmupSeconds > 0) await measureOnce({ ...load, duration: warmupSeconds });
      progress(`measuring Prism ${operation} for ${seconds} s`);
      const result = summarise([await measureOnce({ ...load, duration: seconds })]);
      progress(`  ${result.rps} req/s, p99 ${result.p99} ms, ${result.failed} not 2xx`);
      results.get(operation)!.prism = result;
    }
  } finally {
    await stopServerProcess(prism);
  }
  return undefined;
}

/** Prints the table and the verdict of each target; true when every target is met. */
function report(results: Map<Operation, OperationResult>, prismNote: string | undefined): boolean {
  const pad = (text: string | number, width: number) => String(text).padEnd(width);
  progress('');
  progress(`median of ${rounds} rounds of ${seconds} s, ${connections} connections`);
  progress(
    `${pad('server', 16)}${pad('operation', 12)}${pad('req/s', 10)}${pad('p99 ms', 8)}not 2xx`,
  );
  for (const [operation, result] of results) {
    const rows = [
      ['mock', result.mock],
      ['bare node:http', result.bare],
      ['Prism', result.prism],
    ] as const;
    for (const [server, row] of rows) {
      if (row === undefined) continue;
      progress(
        `${pad(server, 16)}${pad(operation, 12)}${pad(row.rps, 10)}${pad(row.p99, 8)}` +
          `${row.failed}`,
      );
    }
  }
  progress('');
  let met = true;
  for (const [operation, { mock, ratios, prism }] of results) {
    const vsBare = median(ratios);
    met &&= vsBare >= 0.5 && mock.failed === 0;
    const each = ratios.map((ratio) => ratio.toFixed(2)).join(' ');
    let line = `mock ${operation}: ${vsBare.toFixed(2)}x bare (rounds ${each}; target >= 0.5x)`;
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
  const results = new Map<Operation, OperationResult>();
  let mock: ServerProcess | undefined;
  let bare: ServerProcess | undefined;
  let token: string;
  try {
    mock = await startMock();
    token = await bearerToken(mock.baseUrl);
    const answers = await captureMockAnswers(mock.baseUrl, token);
    progress(
      `captured the mock's answers: create ${answers.create.body.length} bytes of body, ` +
        `get ${answers.get.body.length}, ${answers.get.headers.length} header lines`,
    );
    bare = await startBare(answers, token);
    for (const operation of operations) {
      results.set(operation, await interleave(operation, { mock, bare }, token));
    }
  } finally {
    await stopServerProcess(mock);
    await stopServerProcess(bare);
  }
  const prismNote = await benchPrism(results, token);
  return report(results, prismNote) ? 0 : 1;
}

process.exitCode = await main().catch((error: Error) => {
  process.stderr.write(`bench:mock could not run: ${error.message}\n`);
  return 2;
});
