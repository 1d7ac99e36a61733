import type { FastifyInstance } from 'fastify';
import type { BrokerLimits } from '../broker-context.js';
import { JSON } from '../http/media-types.js';
import type { RouteTable } from '../http/route-kit.js';
import { DOCS_ASSETS, readDocsAsset } from './docs-assets.js';
import {
  DOCS_ASSETS_PATH,
  DOCS_PATH,
  OPENAPI_PATH,
  basePathOf,
  docsPageCsp,
  docsPageHtml,
} from './docs-page.js';
import { buildOpenApiDocument } from './openapi-document.js';
import type { OpenApiDocument } from './openapi-types.js';

export interface OpenApiRouteOptions {
  version: string;
  /** The broker's public URL, read on each request (it names the document's server). */
  serverUrl: () => string;
  /** The limits the broker enforces, stated in the document; the defaults when not given. */
  limits?: BrokerLimits;
}

/**
 * The API description and its docs page: GET /ngsi-ld/v1/openapi.json, GET /ngsi-ld/v1/docs
 * (Swagger UI) and the files that page loads, all served from this process so the page works
 * without internet access. Registered through the RouteTable, so unknown query parameters are
 * refused as on every other route.
 * @example registerOpenApiRoutes(app, routes, { version: BROKER_VERSION, serverUrl: () => publicUrl })
 */
export function registerOpenApiRoutes(
  app: FastifyInstance,
  routes: RouteTable,
  options: OpenApiRouteOptions,
): void {
  let cached: { serverUrl: string; document: OpenApiDocument } | undefined;
  const documentFor = (serverUrl: string): OpenApiDocument => {
    if (cached?.serverUrl !== serverUrl) {
      const document = buildOpenApiDocument({
        version: options.version,
        serverUrl,
        ...(options.limits ? { limits: options.limits } : {}),
      });
      cached = { serverUrl, document };
    }
    return cached.document;
  };

  routes.register(app, {
    method: 'GET',
    url: OPENAPI_PATH,
    query: [],
    async handler(_request, reply) {
      return reply.type(JSON).send(documentFor(options.serverUrl()));
    },
  });

  routes.register(app, {
    method: 'GET',
    url: DOCS_PATH,
    query: [],
    async handler(_request, reply) {
      const serverUrl = options.serverUrl();
      return reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', docsPageCsp(serverUrl))
        .header('x-content-type-options', 'nosniff')
        .send(docsPageHtml({ basePath: basePathOf(serverUrl) }));
    },
  });

  for (const asset of DOCS_ASSETS) {
    routes.register(app, {
      method: 'GET',
      url: `${DOCS_ASSETS_PATH}/${asset.file}`,
      query: [],
      async handler(_request, reply) {
        const bytes = await readDocsAsset(asset);
        return reply
          .type(asset.contentType)
          .header('cache-control', 'public, max-age=3600')
          .header('x-content-type-options', 'nosniff')
          .send(bytes);
      },
    });
  }
}
