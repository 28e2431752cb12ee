/**
 * REQUEST_TIMEOUT_MS over a real loopback socket (the limit is Node's, below Fastify, so inject cannot reach it):
 * a client too slow to send its request gets a 408 problem with its request id, while long polls and SSE
 * streams, whose requests arrive at once, outlive the limit.
 */
import net from 'node:net';
import t, { type Test } from 'tap';
import { problemSchema } from '../../../../services/api/http/problem.ts';
import { bearer, buildTestApp } from '../app-fixture.ts';

const TIMEOUT_MS = 300;
const PROBLEM = 'application/problem+json; charset=utf-8';

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  elapsedMs: number;
}

/** Writes `head` (and nothing more) and collects whatever the server answers until it closes the connection. */
async function sendAndStall(port: number, head: string): Promise<RawAnswer> {
  const started = performance.now();
  const socket = net.connect(port, '127.0.0.1');
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  socket.write(head);
  await new Promise<void>((resolve, reject) => {
    socket.once('close', () => resolve());
    socket.once('error', reject);
  });
  const text = Buffer.concat(chunks).toString('utf8');
  const [headText = '', body = ''] = text.split('\r\n\r\n', 2);
  const [statusLine = '', ...headerLines] = headText.split('\r\n');
  const headers = Object.fromEntries(
    headerLines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
  );
  return { status: Number(statusLine.split(' ')[1]), headers, body, elapsedMs: performance.now() - started };
}

async function listeningApp(t: Test) {
  const { app } = await buildTestApp({ requestTimeoutMs: TIMEOUT_MS }, { withLedger: false, sseHeartbeatMs: 50 });
  t.teardown(() => app.close());
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  return { base, port: (app.server.address() as net.AddressInfo).port };
}

t.test('a body that does not arrive in time is a 408 problem carrying the request id', async (t) => {
  const { port } = await listeningApp(t);
  const answer = await sendAndStall(
    port,
    [
      'POST /reports HTTP/1.1',
      'host: localhost',
      `authorization: ${bearer('reviewer').authorization}`,
      'content-type: text/plain; charset=utf-8',
      'content-length: 1000',
      'x-request-id: slow-upload-1',
      '',
      '深圳市测试区民政局',
    ].join('\r\n'),
  );
  t.equal(answer.status, 408);
  t.equal(answer.headers['content-type'], PROBLEM);
  t.equal(answer.headers['x-request-id'], 'slow-upload-1', 'the caller’s request id comes back');
  t.equal(answer.headers['content-length'], String(Buffer.byteLength(answer.body)), 'the body is framed exactly');
  const problem = problemSchema.parse(JSON.parse(answer.body));
  t.match(problem, { type: 'https://plan-ledger.dev/problems/request-timeout', title: 'Request not received in time', status: 408, field: 'body' });
  t.match(problem.detail, `${TIMEOUT_MS} ms`);
  t.ok(answer.elapsedMs >= TIMEOUT_MS - 20, `not before the limit (${Math.round(answer.elapsedMs)} ms)`);
  t.ok(answer.elapsedMs < TIMEOUT_MS + 2000, `close to the configured limit, not Node's defaults (${Math.round(answer.elapsedMs)} ms)`);
});

t.test('headers that do not arrive in time are a 408 problem with a fresh request id', async (t) => {
  const { port } = await listeningApp(t);
  const answer = await sendAndStall(port, 'GET /organisations HTTP/1.1\r\nhost: localhost\r\nauthoriz');
  t.equal(answer.status, 408);
  t.equal(answer.headers['content-type'], PROBLEM);
  t.match(answer.headers['x-request-id'], /^[0-9a-f-]{36}$/);
  t.match(problemSchema.parse(JSON.parse(answer.body)), { type: 'https://plan-ledger.dev/problems/request-timeout', status: 408, field: 'header' });
});

t.test('unparsable HTTP is a 400 problem rather than Fastify’s plain JSON', async (t) => {
  const { port } = await listeningApp(t);
  const answer = await sendAndStall(port, 'NOT HTTP AT ALL\r\n\r\n');
  t.equal(answer.status, 400);
  t.equal(answer.headers['content-type'], PROBLEM);
  t.match(problemSchema.parse(JSON.parse(answer.body)), { type: 'https://plan-ledger.dev/problems/bad-request', status: 400 });
});

t.test('a long poll held past the limit still answers 200', async (t) => {
  const { base } = await listeningApp(t);
  const started = performance.now();
  const held = await fetch(`${base}/changes?wait=1`, { headers: bearer('reader') });
  const elapsed = performance.now() - started;
  t.equal(held.status, 200);
  t.ok(elapsed >= 900, `the request was held for its wait (${Math.round(elapsed)} ms), well past the ${TIMEOUT_MS} ms limit`);
  t.match(await held.json(), { items: [], hasMore: false });
});

t.test('an SSE stream stays open past the limit', async (t) => {
  const { base } = await listeningApp(t);
  const stop = new AbortController();
  t.teardown(() => stop.abort());
  const stream = await fetch(`${base}/changes/stream`, { headers: bearer('reader'), signal: stop.signal });
  t.equal(stream.status, 200);
  const reader = stream.body!.getReader();
  const opened = performance.now();
  let text = '';
  while (performance.now() - opened < TIMEOUT_MS * 3) {
    const chunk = await reader.read();
    if (chunk.done) break;
    text += new TextDecoder().decode(chunk.value);
  }
  t.ok(performance.now() - opened >= TIMEOUT_MS * 3, 'the stream was still delivering after three times the limit');
  t.ok(text.split(': heartbeat').length - 1 >= 3, 'heartbeats kept coming');
  stop.abort();
});
