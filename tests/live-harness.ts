/**
 * The mock as a live target: started as a separate process (`cli/mock.ts --port 0`) and
 * addressed only by MONGODB_ATLAS_BASE_URL, and the suite's commands run as a user runs them.
 * Every process is started in its own process group, so a test can SIGKILL a whole run
 * (runner, Playwright, workers) the way a CI machine dies, and stops exactly what it started.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
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
