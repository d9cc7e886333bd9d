/**
 * One answer of a server exactly as it came off the socket: status line, header lines in their
 * order and spelling, and body. `bench:mock` captures a real answer of the mock this way so that
 * its bare node:http server can send the very same bytes (bench/replay-server.ts).
 *
 * The request is written by hand on a fresh connection and the answer read until its
 * Content-Length is complete; chunked answers are refused, since the mock never sends them.
 */
import { connect } from 'node:net';

export interface CapturedAnswer {
  status: number;
  statusMessage: string;
  /** Header lines as sent, as [name, value] pairs in order. */
  headers: [string, string][];
  body: string;
}

export interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

function parseAnswer(raw: Buffer): CapturedAnswer | undefined {
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [statusLine = '', ...lines] = raw.subarray(0, end).toString('latin1').split('\r\n');
  const status = /^HTTP\/1\.1 (\d{3}) (.*)$/.exec(statusLine);
  if (status === null) throw new Error(`captured answer must start with a status line`);
  const headers = lines.map((line): [string, string] => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon), line.slice(colon + 1).trim()];
  });
  const length = headers.find(([name]) => name.toLowerCase() === 'content-length')?.[1];
  if (length === undefined) throw new Error('captured answer must carry a Content-Length');
  const body = raw.subarray(end + 4);
  if (body.length < Number(length)) return undefined;
  return {
    status: Number(status[1]),
    statusMessage: status[2] ?? '',
    headers,
    body: body.subarray(0, Number(length)).toString('utf8'),
  };
}

/** Sends one request to `host:port` and returns its answer byte for byte. */
export function captureAnswer(
  host: string,
  port: number,
  request: RawRequest,
): Promise<CapturedAnswer> {
  const body = Buffer.from(request.body ?? '', 'utf8');
  const head = [
    `${request.method} ${request.path} HTTP/1.1`,
    `host: ${host}:${port}`,
    ...Object.entries(request.headers).map(([name, value]) => `${name}: ${value}`),
    ...(body.length > 0 ? [`content-length: ${body.length}`] : []),
  ];
  return new Promise((resolve, reject) => {
    const socket = connect(port, host);
    let raw = Buffer.alloc(0);
    // write, not end: a half-closed connection could change the Connection header answered.
    const bytes = Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`), body]);
    socket.on('connect', () => socket.write(bytes));
    socket.on('data', (chunk: Buffer) => {
      raw = Buffer.concat([raw, chunk]);
      try {
        const answer = parseAnswer(raw);
        if (answer === undefined) return;
        socket.destroy();
        resolve(answer);
      } catch (error) {
        socket.destroy();
        reject(error as Error);
      }
    });
    socket.on('error', reject);
    socket.on('close', () => reject(new Error('the server closed before a whole answer')));
  });
}
