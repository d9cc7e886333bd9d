/**
 * The servers `bench:mock` measures each run in a process of their own, so that the load
 * generator (in the bench's process) and the server measured each have a core.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';

export interface ServerProcess {
  child: ChildProcess;
  baseUrl: string;
}

/** Starts a server process and waits for the line that says where it listens. */
export async function startServerProcess(
  label: string,
  command: string,
  args: string[],
  ready: RegExp,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ServerProcess> {
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
  try {
    return { child, baseUrl: await found };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}

/** A port nobody listens on now (Prism prints no port of its own choosing). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

export async function stopServerProcess(server: ServerProcess | undefined): Promise<void> {
  if (server === undefined || server.child.exitCode !== null) return;
  server.child.kill('SIGTERM');
  await once(server.child, 'exit');
}
