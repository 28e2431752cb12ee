/**
 * REQUEST_TIMEOUT_MS bounds how long a client may take to *send* a request (headers and body), which is what
 * HTTP's 408 means. Node enforces it below Fastify and, left alone, answers with a bare 408 (Fastify's default
 * `clientError` handler with plain JSON): this file makes that answer a problem like every other error.
 *
 * Handler time is deliberately not bounded: Node drops a request from its timeout watch once the request has
 * fully arrived, so a long poll (`GET /changes?wait=`) or an SSE stream, whose request is complete at once,
 * may outlive the limit by design.
 */
import { randomUUID } from 'node:crypto';
import { STATUS_CODES, type IncomingMessage, type ServerOptions, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { ConnectionError } from 'fastify';
import type { Logger } from '../../logger.ts';
import { makeProblem, PROBLEM_MEDIA_TYPE, type Problem } from './problem.ts';
import { REQUEST_ID_HEADER } from './request-id.ts';

/** Node keeps slow-header (slowloris) protection at its own ceiling when the request limit is longer. */
const MAX_HEADERS_TIMEOUT_MS = 60_000;

/**
 * Node reads these limits when the server is constructed (on Node 20, assigning `server.requestTimeout`
 * afterwards, as Fastify's `requestTimeout` option does, does not shorten the deadline), and checks them on a
 * timer (30 s by default): pass them to the constructor and check often enough that a request is cut off
 * within a tenth of its limit (at most a second late).
 */
export function requestTimeoutServerOptions(requestTimeoutMs: number): ServerOptions {
  return {
    requestTimeout: requestTimeoutMs,
    headersTimeout: Math.min(MAX_HEADERS_TIMEOUT_MS, requestTimeoutMs),
    connectionsCheckingInterval: Math.min(1000, Math.max(10, Math.floor(requestTimeoutMs / 10))),
  };
}

const generatedId = Symbol('plan-ledger.requestId');
type TaggedRequest = IncomingMessage & { [generatedId]?: string };

/**
 * Fastify's `genReqId`: a fresh UUID, also left on the raw request so an answer written below Fastify (a timeout
 * while the body is still arriving) carries the same id as the request's log lines.
 */
export function generateRequestId(raw: IncomingMessage): string {
  const id = randomUUID();
  (raw as TaggedRequest)[generatedId] = id;
  return id;
}

/** The id Fastify gave the request: the caller's own header when sent (Fastify prefers it), else the generated one. */
function requestIdOf(raw: IncomingMessage | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const sent = raw.headers[REQUEST_ID_HEADER];
  if (typeof sent === 'string' && sent !== '') return sent;
  return (raw as TaggedRequest)[generatedId];
}

/** Node's own fallback uses this field to tell whether a response is in flight on the socket; so do we. */
function inFlightResponse(socket: Socket): ServerResponse | undefined {
  return (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage ?? undefined;
}

function problemFor(error: ConnectionError, requestTimeoutMs: number, headersArrived: boolean): Problem {
  switch (error.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return headersArrived
        ? makeProblem('request_timeout', `the request body did not arrive in full within ${requestTimeoutMs} ms`, { field: 'body' })
        : makeProblem('request_timeout', `the request headers did not arrive in full within ${Math.min(MAX_HEADERS_TIMEOUT_MS, requestTimeoutMs)} ms`, {
            field: 'header',
          });
    case 'HPE_HEADER_OVERFLOW':
      return makeProblem('headers_too_large', 'the request headers are larger than the server accepts', { field: 'header' });
    default:
      return makeProblem('bad_request', 'the request is not valid HTTP/1.1');
  }
}

/** Header values must stay on one line of visible ASCII; anything else is replaced rather than echoed raw. */
const SAFE_HEADER_VALUE = /^[\x21-\x7e][\x20-\x7e]{0,199}$/;

function rawResponse(problem: Problem, requestId: string): string {
  const body = JSON.stringify(problem);
  return [
    `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status] ?? ''}`,
    `content-type: ${PROBLEM_MEDIA_TYPE}; charset=utf-8`,
    `content-length: ${Buffer.byteLength(body)}`,
    `${REQUEST_ID_HEADER}: ${requestId}`,
    'connection: close',
    '',
    body,
  ].join('\r\n');
}

/**
 * Fastify's `clientErrorHandler`: answers what Node could not hand to a route (a request not received in time,
 * oversized or unparsable headers) with a problem, then closes the connection, as HTTP requires after a request
 * that was not read to its end.
 */
export function clientErrorAnswerer(logger: Logger, requestTimeoutMs: number): (error: ConnectionError, socket: Socket) => void {
  return (error, socket) => {
    // A reset peer has gone: there is no one to answer.
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const inFlight = inFlightResponse(socket);
    const known = requestIdOf(inFlight?.req);
    const requestId = known !== undefined && SAFE_HEADER_VALUE.test(known) ? known : randomUUID();
    const problem = problemFor(error, requestTimeoutMs, inFlight !== undefined);
    const log = { reqId: requestId, code: error.code, status: problem.status };
    if (problem.status === 408) logger.info(log, 'request not received in time');
    else logger.debug(log, 'malformed request refused');
    // A response the route already began cannot be replaced: the connection is cut instead.
    if (!socket.writable || inFlight?.headersSent === true) {
      socket.destroy();
      return;
    }
    socket.end(rawResponse(problem, requestId), () => socket.destroy());
  };
}
