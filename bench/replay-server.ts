/**
 * The bare node:http server of `bench:mock`: it answers every POST with a captured create answer
 * of the mock and every other request with a captured get answer, byte for byte (status line,
 * header names, order and values, body). It runs as plain `node -e`, without tsx or fastify, so
 * it is the practical limit of node:http on this machine for those very bytes.
 *
 * node:http writes `Connection` and `Keep-Alive` itself; the captured ones are left out and the
 * keep-alive timeout is set to the captured one, so that node writes the same two lines.
 */
import type { CapturedAnswer } from './capture-answer.ts';

export interface ReplayedAnswers {
  create: CapturedAnswer;
  get: CapturedAnswer;
}

/** The environment variable that carries the answers, as JSON, to the server process. */
export const replayVariable = 'BENCH_REPLAY_ANSWERS';

export const replayServerSource = `
const http = require('node:http');
const answers = JSON.parse(process.env.${replayVariable});
let keepAliveSeconds = 5;
function prepared(answer) {
  const headers = [];
  for (const [name, value] of answer.headers) {
    const lower = name.toLowerCase();
    if (lower === 'keep-alive') keepAliveSeconds = Number(/timeout=(\\d+)/.exec(value)?.[1] ?? 5);
    if (lower === 'connection' || lower === 'keep-alive') continue;
    headers.push(name, value);
  }
  return { status: answer.status, message: answer.statusMessage, headers, body: answer.body };
}
const create = prepared(answers.create);
const get = prepared(answers.get);
const server = http.createServer((request, response) => {
  const answer = request.method === 'POST' ? create : get;
  request.resume();
  request.on('end', () => {
    response.writeHead(answer.status, answer.message, answer.headers);
    response.end(answer.body);
  });
});
server.keepAliveTimeout = keepAliveSeconds * 1000;
server.listen(0, '127.0.0.1', () => {
  console.log('listening on http://127.0.0.1:' + server.address().port);
});
`;
