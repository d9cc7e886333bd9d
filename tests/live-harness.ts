/**
 * The mock as a live target: started as a separate process (`cli/mock.ts --port 0`) and
 * addressed only by MONGODB_ATLAS_BASE_URL, and the suite's commands run as a user runs them.
 * Every process is started in its own process group, so a test can SIGKILL a whole run
 * (runner, Playwright, workers) the way a CI machine dies, and stops exactly what it started.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { demoFixtures, loadWorld } from '../fixtures/world.ts';
import { AtlasClient } from '../lib/atlas-client.ts';
import { runTagOf } from '../lib/run-tag.ts';

export const demo = demoFixtures(loadWorld());

export interface MockProcess {
  baseUrl: string;
  stop(): Promise<void>;
  control(path: string, method?: string, body?: unknown): Promise<unknown>;
}

function stopGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

export async function startMockProcess(args: string[] = []): Promise<MockProcess> {
  const child = spawn('npx', ['tsx', 'cli/mock.ts', '--port', '0', ...args], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`mock did not start: ${out}`)), 30_000);
    child.stdout?.on('data', (chunk) => {
      out += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', () => reject(new Error(`mock exited: ${out}`)));
  });
  child.stdout?.resume();
  child.stderr?.resume();
  return {
    baseUrl,
    async stop() {
      const exited = once(child, 'exit');
      stopGroup(child, 'SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      stopGroup(child, 'SIGKILL');
    },
    async control(path, method = 'GET', body) {
      const answer = await fetch(`${baseUrl}/__mock${path}`, {
        method,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return answer.json();
    },
  };
}

/** The environment of a user pointing the suite at `baseUrl` with the demo owner key. */
export function liveEnv(baseUrl: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ATLAS_CONFORMANCE_ENV_FILE: '/dev/null',
    ATLAS_CONFORMANCE_REPORTS_DIR: mkdtempSync(join(tmpdir(), 'live-reports-')),
    MONGODB_ATLAS_BASE_URL: baseUrl,
    MONGODB_ATLAS_PROJECT_ID: demo.project.id,
    MONGODB_ATLAS_PUBLIC_KEY: demo.owner.publicKey,
    MONGODB_ATLAS_PRIVATE_KEY: demo.owner.privateKey,
    ATLAS_CONFORMANCE_NUM_RUNS: '2',
    ATLAS_CONFORMANCE_REQUESTS_PER_SECOND: '0',
    ...extra,
  };
}

export interface Finished {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface Running {
  child: ChildProcess;
  finished: Promise<Finished>;
  /** SIGKILL to the whole run: runner, Playwright and its workers. */
  kill(): void;
}

/** Starts `npx tsx <script> ...args` in its own process group. */
export function startCommand(script: string, args: string[], env: NodeJS.ProcessEnv): Running {
  const child = spawn('npx', ['tsx', script, ...args], {
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => (stdout += chunk));
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  const finished = once(child, 'exit').then(([status]) => ({
    status: status as number | null,
    stdout,
    stderr,
  }));
  return { child, finished, kill: () => stopGroup(child, 'SIGKILL') };
}

export function runCommand(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<Finished> {
  return startCommand(script, args, env).finished;
}

export interface Listed {
  name: string;
  runTag: string | undefined;
  stateName: string;
}

/** The demo project's instances, as the owner key lists them. */
/** The instances of the demo project that carry a run tag: what a sweep may delete. */
export async function taggedInstances(baseUrl: string): Promise<Listed[]> {
  return (await listInstances(baseUrl)).filter((instance) => instance.runTag);
}

export async function listInstances(baseUrl: string): Promise<Listed[]> {
  const client = new AtlasClient(baseUrl, { kind: 'digest', ...demo.owner });
  const answer = await client.send({
    method: 'GET',
    path: `/api/atlas/v2/groups/${demo.project.id}/serverless`,
    query: { itemsPerPage: '500' },
  });
  const results = (answer.response.json as { results?: Record<string, unknown>[] }).results ?? [];
  return results.map((instance) => ({
    name: String(instance.name),
    runTag: runTagOf(instance),
    stateName: String(instance.stateName),
  }));
}

/** Polls until `found` returns something, or fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  found: () => Promise<T | undefined>,
  timeoutMs = 90_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await found();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export interface ProxiedRequest {
  method: string;
  path: string;
  /** When the request reached the proxy, and when its answer left it (epoch ms). */
  at: number;
  answeredAt: number;
  status: number;
  /** The bearer token it carried: kept in this process's memory only, to try it afterwards. */
  bearer: string | undefined;
}

export interface RecordingProxy {
  baseUrl: string;
  seen: ProxiedRequest[];
  close(): Promise<void>;
}

/** An answer the proxy gives instead of forwarding, or undefined to forward the request. */
export type Injection = (
  request: { method: string; path: string },
  index: number,
) => { status: number; headers: Record<string, string>; body: string } | undefined;

/**
 * A recording proxy in front of a target: it forwards every request (byte for byte, but for the
 * Host), records what went through and when, and may answer some requests itself. It observes
 * the traffic of a whole run (runner, Playwright, workers) at one point, as a target would.
 */
export async function startRecordingProxy(
  target: string,
  inject: Injection = () => undefined,
): Promise<RecordingProxy> {
  const seen: ProxiedRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const at = Date.now();
      const method = request.method ?? 'GET';
      const path = request.url ?? '/';
      const authorization = request.headers.authorization ?? '';
      const bearer = /^Bearer (.+)$/.exec(authorization)?.[1];
      const record = (status: number) =>
        seen.push({ method, path, at, answeredAt: Date.now(), status, bearer });
      const injected = inject({ method, path }, seen.length);
      if (injected !== undefined) {
        response.writeHead(injected.status, injected.headers);
        response.end(injected.body);
        record(injected.status);
        return;
      }
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) {
        if (name === 'host' || name === 'connection' || value === undefined) continue;
        headers[name] = Array.isArray(value) ? value.join(', ') : value;
      }
      const body = chunks.length === 0 ? undefined : Buffer.concat(chunks);
      fetch(new URL(path, target), { method, headers, ...(body === undefined ? {} : { body }) })
        .then(async (answer) => {
          const text = Buffer.from(await answer.arrayBuffer());
          const out: Record<string, string> = {};
          answer.headers.forEach((value, name) => {
            if (!['content-length', 'content-encoding', 'transfer-encoding'].includes(name))
              out[name] = value;
          });
          response.writeHead(answer.status, out);
          response.end(text);
          record(answer.status);
        })
        .catch(() => {
          response.destroy();
          record(0);
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
