/**
 * Bodies are decoded strictly: invalid UTF-8 is a 400, a charset other than UTF-8 a 415, never a silent
 * replacement character inside an ingested report (its SHA-256 and spans would no longer be the document's).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ProblemError } from './problem.ts';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function charsetOf(contentType: string): string | null {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType);
  return match?.[1]?.toLowerCase() ?? null;
}

export function decodeUtf8(body: Buffer, contentType: string): string {
  const charset = charsetOf(contentType);
  if (charset !== null && charset !== 'utf-8' && charset !== 'utf8') {
    throw new ProblemError('unsupported_media_type', `charset ${charset} is not accepted; send UTF-8`, { field: 'header.content-type' });
  }
  try {
    return decoder.decode(body);
  } catch {
    throw new ProblemError('invalid_encoding', 'the body contains bytes that are not valid UTF-8', { field: 'body' });
  }
}

export function installBodyParsers(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('text/plain', { parseAs: 'buffer' }, (request, body, done) => {
    try {
      done(null, decodeUtf8(body as Buffer, request.headers['content-type'] ?? ''));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  const jsonParser = (request: FastifyRequest, body: string | Buffer, done: (error: Error | null, value?: unknown) => void): void => {
    let text: string;
    try {
      text = decodeUtf8(body as Buffer, request.headers['content-type'] ?? '');
    } catch (error) {
      done(error as Error, undefined);
      return;
    }
    if (text.trim() === '') {
      done(new ProblemError('malformed_json', 'a JSON body was announced but none was sent', { field: 'body' }), undefined);
      return;
    }
    parseJson(request, text, (error, value) => {
      if (error !== null) done(new ProblemError('malformed_json', error.message, { field: 'body' }), undefined);
      else done(null, value);
    });
  };
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, jsonParser);
  app.addContentTypeParser(/^application\/[a-z.+-]*\+json$/, { parseAs: 'buffer' }, jsonParser);
}
