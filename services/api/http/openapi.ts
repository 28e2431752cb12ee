/**
 * The OpenAPI 3 description is generated from the routes' zod schemas (`/openapi.json`); `/docs` serves
 * Swagger UI from the package's own files, so the docs work offline and load nothing from a CDN.
 */
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { answeredNotModified, strongEtag } from './conditional.ts';

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'plan-ledger',
        description:
          'Plan-versus-actual ledger of government work reports. Errors are application/problem+json. ' +
          'Every GET has a strong ETag and honours If-None-Match; reviewer writes honour If-Match.',
        version: '1',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs', uiConfig: { deepLinking: true } });
  // The description is fixed once the routes are registered: one ETag per process, computed on first use.
  let etag: string | null = null;
  app.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } as object }, async (request, reply) => {
    const document = app.swagger();
    etag ??= strongEtag(createHash('sha256').update(JSON.stringify(document)).digest('hex').slice(0, 32));
    if (answeredNotModified(request, reply, etag)) return reply;
    return document;
  });
}
