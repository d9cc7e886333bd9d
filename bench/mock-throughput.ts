/**
 * `npm run bench:mock`: requests per second and p99 latency of the embedded mock's create and
 * get (bearer auth), side by side in one run with a bare node:http server answering a fixed
 * body to the same requests (the practical limit of this machine) and with Prism serving the
 * published contract.
 *
 * Each server runs in its own process, so that the load generator (autocannon, in this process)
 * and the server each have a core. Targets: the mock at least half the bare server's throughput
 * and at least ten times Prism's. Settings: BENCH_SECONDS (default 8 per measurement),
 * BENCH_CONNECTIONS (default 10). Prism is skipped, with a note, when the contract file is absent.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';

import { demoFixtures, loadWorld } from '../fixtures/world.ts';

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
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const contract = new URL('../../shared/reference/atlas-openapi-serverless.json', import.meta.url)
  .pathname;
const demo = demoFixtures(loadWorld());
const accept = 'application/vnd.atlas.2023-01-01+json';
const serverlessPath = `/api/atlas/v2/groups/${demo.project.id}/serverless`;
const progress = (line: string) => process.stdout.write(`${line}\n`);

/** Starts a server process and waits for the line that says where it listens. */
async function startProcess(
  label: string,
  command: string,
  args: string[],
  ready: RegExp,
): Promise<{ child: ChildProcess; baseUrl: string }> {
  progress(`starting ${label} ...`);
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = createInterface({ input: child.stdout! });
  const errors = createInterface({ input: child.stderr! });
  const found = new Promise<string>((resolve, reject) => {
    const look = (line: string) => {
      const url = ready.exec(line)?.[1];
      if (url !== undefined) resolve(url);
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

const bareServer = `
const http = require('node:http');
const body = Buffer.from(JSON.stringify({ name: 'fixed', stateName: 'IDLE' }));
const server = http.createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
    response.end(body);
  });
});
server.listen(0, '127.0.0.1', () => console.log('listening on http://127.0.0.1:' + server.address().port));
`;

let counter = 0;
const createTail = '"providerSettings":{"backingProviderName":"AWS","regionName":"US_EAST_1"}}';
function createRequest(token: string): CannonRequest {
  return {
    method: 'POST',
    path: serverlessPath,
    headers: {
      accept,
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
    },
    // A fresh name per request: the same name would measure the duplicate refusal instead.
    setupRequest: (request) => ({
      ...request,
      body: `{"name":"bench${(counter += 1)}",${createTail}`,
    }),
  };
}

function getRequest(token: string, name: string): CannonRequest {
  return {
    method: 'GET',
    path: `${serverlessPath}/${name}`,
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

const rows: Row[] = [];
const node = process.execPath;

// The bare server gets the very requests the mock gets, so that the load generator's own cost
// (building a fresh create body per request) weighs the same on both sides.
const bare = await startProcess('bare node:http', node, ['-e', bareServer], /on (http:\S+)/);
try {
  rows.push(await measure('bare node:http', 'create', bare.baseUrl, createRequest('x')));
  rows.push(await measure('bare node:http', 'get', bare.baseUrl, getRequest('x', 'x')));
} finally {
  await stop(bare.child);
}

// The mock as `npm run mock` serves it, without the default rate limit (a bench would meet it).
const mockArgs = ['--import', 'tsx', 'cli/mock.ts', '--port', '0', '--rate-limit', 'off'];
const mock = await startProcess('embedded mock', node, mockArgs, /listening on (http:\S+)/);
try {
  const token = await bearerToken(mock.baseUrl);
  const seed = await fetch(`${mock.baseUrl}${serverlessPath}`, {
    method: 'POST',
    headers: { accept, 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      name: 'benchGet',
      providerSettings: { backingProviderName: 'AWS', regionName: 'US_EAST_1' },
    }),
  });
  if (seed.status !== 201) throw new Error(`the mock refused the seed create: ${seed.status}`);
  rows.push(await measure('mock', 'create', mock.baseUrl, createRequest(token)));
  rows.push(await measure('mock', 'get', mock.baseUrl, getRequest(token, 'benchGet')));
} finally {
  await stop(mock.child);
}

let prismNote = '';
if (existsSync(contract)) {
  const prismBin = new URL('../node_modules/.bin/prism', import.meta.url).pathname;
  const port = await freePort();
  const prism = await startProcess(
    'Prism',
    prismBin,
    ['mock', '--port', String(port), '--host', '127.0.0.1', contract],
    /listening on (http:\/\/[^\s]+)/i,
  );
  try {
    const base = prism.baseUrl.replace(/\/$/, '');
    rows.push(await measure('Prism', 'create', base, createRequest('token')));
    rows.push(await measure('Prism', 'get', base, getRequest('token', 'benchGet')));
  } finally {
    await stop(prism.child);
  }
} else {
  prismNote = `Prism skipped: ${contract} is absent.`;
}

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
let missed = false;
for (const operation of ['create', 'get']) {
  const bareRps =
    rows.find((r) => r.server === 'bare node:http' && r.operation === operation)?.rps ?? 0;
  const mockRps = rows.find((r) => r.server === 'mock' && r.operation === operation)?.rps ?? 0;
  const prismRps = rows.find((r) => r.server === 'Prism' && r.operation === operation)?.rps;
  const vsBare = mockRps / bareRps;
  missed ||= vsBare < 0.5;
  let line = `mock ${operation}: ${vsBare.toFixed(2)}x bare (target >= 0.5x)`;
  if (prismRps !== undefined) {
    const vsPrism = mockRps / prismRps;
    missed ||= vsPrism < 10;
    line += `, ${vsPrism.toFixed(1)}x Prism (target >= 10x)`;
  }
  progress(line);
}
if (prismNote !== '') progress(prismNote);
progress(missed ? 'a target was missed' : 'all targets met');
