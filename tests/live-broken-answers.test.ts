/**
 * A live target that cannot be reached, or whose answer breaks off, ends `npm run conformance`
 * and `npm run sweep` with exit 2 and one line naming the cause (lib/request-failure.ts), never
 * with a stack trace nor with fetch's own "fetch failed".
 */
import assert from 'node:assert/strict';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { after, before, describe, it } from 'node:test';

import { AtlasClient, TargetUnreachable } from '../lib/atlas-client.ts';
import { requestFailure } from '../lib/request-failure.ts';
import { liveEnv, runCommand } from './live-harness.ts';

const commands = ['cli/conformance.ts', 'cli/sweep.ts'];
const noKey = { publicKey: 'k', privateKey: 'secret-never-sent' };

async function listening(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** `script` against `baseUrl` without retries: its stderr, which must be one line. */
async function oneErrorLine(script: string, baseUrl: string): Promise<string> {
  const env = liveEnv(baseUrl, { ATLAS_CONFORMANCE_MAX_RETRIES: '0' });
  const run = await runCommand(script, [], env);
  assert.equal(run.status, 2, `${run.stdout}\n${run.stderr}`);
  const lines = run.stderr.trim().split('\n');
  assert.equal(lines.length, 1, run.stderr);
  return lines[0] ?? '';
}

describe('a target whose answer is cut short', { timeout: 120_000 }, () => {
  // 200 and Content-Length: 9, then 8 bytes and the connection closed.
  const server = createServer((socket) => {
    socket.once('data', () => {
      socket.end(
        'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 9\r\n\r\n{"a":123',
      );
    });
  });
  let baseUrl = '';
  before(async () => (baseUrl = await listening(server)));
  after(() => server.close());

  it('should send a GET again after its answer broke off, as after a drop', async () => {
    let answers = 0;
    const flaky = createServer((socket) => {
      socket.once('data', () => {
        answers += 1;
        const body = answers === 1 ? '{"a":123' : '{"a":123}';
        socket.end(`HTTP/1.1 200 OK\r\nContent-Length: 9\r\nConnection: close\r\n\r\n${body}`);
      });
    });
    const client = new AtlasClient(
      await listening(flaky),
      { kind: 'digest', ...noKey },
      {
        retry: { maxRetries: 1, baseDelayMs: 1 },
      },
    );
    try {
      const exchange = await client.send({ method: 'GET', path: '/api/atlas/v2' });
      assert.equal(exchange.response.text, '{"a":123}');
      assert.equal(answers, 2);
    } finally {
      flaky.close();
    }
  });

  for (const script of commands) {
    it(`should stop ${script} with one line saying the answer broke off`, async () => {
      const line = await oneErrorLine(script, baseUrl);
      assert.match(
        line,
        new RegExp(
          String.raw`^error: (POST|GET) http:\/\/127\.0\.0\.1:\d+ answered 200, ` +
            String.raw`but its body was cut short or unreadable \(\S.*\)$`,
        ),
      );
    });
  }
});

describe('a target that refuses the connection', { timeout: 120_000 }, () => {
  let baseUrl = '';
  before(async () => {
    // A port that was free a moment ago: nothing listens on it now.
    const server = createServer();
    baseUrl = await listening(server);
    await new Promise((resolve) => server.close(resolve));
  });

  it('should name it when minting a bearer token too', async () => {
    const oauth = { kind: 'oauth', clientId: 'sa-id', clientSecret: 'sa-secret-value' } as const;
    const client = new AtlasClient(baseUrl, oauth);
    await assert.rejects(client.bearerToken(), (error: unknown) => {
      assert.ok(error instanceof TargetUnreachable);
      assert.equal(
        error.message,
        `POST ${baseUrl} could not be reached: connect ECONNREFUSED ${new URL(baseUrl).host}`,
      );
      return true;
    });
  });

  for (const script of commands) {
    it(`should name the refusal and the address in the line of ${script}`, async () => {
      const { host } = new URL(baseUrl);
      const line = await oneErrorLine(script, baseUrl);
      assert.match(line, /^error: (POST|GET) http:\S+ could not be reached: /);
      assert.ok(line.endsWith(`connect ECONNREFUSED ${host}`), line);
    });
  }
});

describe('the cause of a failed request', () => {
  it('should name a port that fetch never connects to', async () => {
    const client = new AtlasClient('http://127.0.0.1:9', { kind: 'digest', ...noKey });
    await assert.rejects(
      client.send({ method: 'GET', path: '/api/atlas/v2' }),
      new RegExp(
        String.raw`^Error: GET http:\/\/127\.0\.0\.1:9 could not be reached: ` +
          String.raw`bad port: the Fetch standard blocks this port, use another$`,
      ),
    );
  });

  it('should name every address tried when all of them refused', () => {
    const refused = (address: string) =>
      Object.assign(new Error(`connect ECONNREFUSED ${address}`), { code: 'ECONNREFUSED' });
    const cause = Object.assign(new AggregateError([refused('::1:80'), refused('127.0.0.1:80')]), {
      code: 'ECONNREFUSED',
    });
    assert.equal(
      requestFailure(new TypeError('fetch failed', { cause })),
      'could not be reached: connect ECONNREFUSED ::1:80; connect ECONNREFUSED 127.0.0.1:80',
    );
  });

  it('should keep calling an answer that is not HTTP by its name', async () => {
    const server = createServer((socket) => socket.end('SSH-2.0-OpenSSH_9.6\r\n'));
    const baseUrl = await listening(server);
    const client = new AtlasClient(baseUrl, { kind: 'digest', ...noKey });
    try {
      await assert.rejects(
        client.send({ method: 'GET', path: '/api/atlas/v2' }),
        /answered with something that is not HTTP \(HPE_\w+: .+\)$/,
      );
    } finally {
      server.close();
    }
  });
});
