/**
 * The leadership dashboard: `GET /` answers the page and `GET /web/<file>` its ES modules and styles, straight
 * from `web/` (no build step, nothing fetched from elsewhere). The files are read once at registration, so a
 * request never touches the disk and an unknown name can never escape the folder. The page itself reads the
 * public REST API only.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { answeredNotModified, strongEtag } from '../http/conditional.ts';
import { ProblemError } from '../http/problem.ts';

export const WEB_DIR = fileURLToPath(new URL('../../../web/', import.meta.url));

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

interface Asset {
  body: Buffer;
  contentType: string;
  etag: string;
}

/** Every servable file under `dir`, keyed by its path relative to it with `/` separators. */
async function loadAssets(dir: string): Promise<Map<string, Asset>> {
  const assets = new Map<string, Asset>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const contentType = contentTypes[path.extname(entry.name)];
    if (contentType === undefined) continue;
    const file = path.join(entry.parentPath, entry.name);
    const body = await readFile(file);
    const name = path.relative(dir, file).split(path.sep).join('/');
    assets.set(name, { body, contentType, etag: strongEtag(createHash('sha256').update(body).digest('hex').slice(0, 32)) });
  }
  return assets;
}

// Same-origin only: the page needs nothing from anywhere else, so the browser may fetch nothing from anywhere else.
const CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'";

export const dashboardRoutes: FastifyPluginAsync<{ webDir?: string }> = async (app, options) => {
  const assets = await loadAssets(options.webDir ?? WEB_DIR);
  if (!assets.has('index.html')) throw new Error(`dashboard: no index.html in ${options.webDir ?? WEB_DIR}`);

  const serve = (name: string, request: FastifyRequest, reply: FastifyReply): FastifyReply => {
    const asset = assets.get(name);
    if (asset === undefined) throw new ProblemError('not_found', `no dashboard file ${name}`, { field: 'path' });
    reply.header('cache-control', 'no-cache').header('x-content-type-options', 'nosniff');
    if (asset.contentType.startsWith('text/html')) reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    if (answeredNotModified(request, reply, asset.etag)) return reply;
    return reply.type(asset.contentType).send(asset.body);
  };

  const hidden = { schema: { hide: true }, config: { access: 'public' as const } };
  app.get('/', hidden, async (request, reply) => serve('index.html', request, reply));
  app.get<{ Params: { '*': string } }>('/web/*', hidden, async (request, reply) => serve(request.params['*'], request, reply));
};
