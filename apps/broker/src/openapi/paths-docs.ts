import { DOCS_ASSETS } from './docs-assets.js';
import { DOCS_ASSETS_PATH, DOCS_PATH, OPENAPI_PATH } from './docs-page.js';
import { content, operation, response, schemaRef } from './operation-kit.js';
import type { Paths } from './openapi-types.js';

const COMMON = { tag: 'Documentation' } as const;

/**
 * This document and its docs page, as registered by openapi/routes.ts.
 * @example Object.assign(paths, docsPaths())
 */
export function docsPaths(): Paths {
  const paths: Paths = {
    [OPENAPI_PATH]: {
      get: operation({
        ...COMMON,
        operationId: 'openApiDocument',
        summary: 'This API description',
        description: 'The OpenAPI 3.1 description of what this broker implements (this document).',
        responses: {
          '200': response('The document.', {
            content: content(['application/json'], { type: 'object' }),
          }),
        },
      }),
    },
    [DOCS_PATH]: {
      get: operation({
        ...COMMON,
        operationId: 'docsPage',
        summary: 'API docs page',
        description:
          'A browsable view of this document (Swagger UI). Every file it loads is served by this broker, so it works without internet access.',
        responses: {
          '200': response('The page.', { content: content(['text/html'], { type: 'string' }) }),
        },
      }),
    },
  };
  for (const asset of DOCS_ASSETS) {
    paths[`${DOCS_ASSETS_PATH}/${asset.file}`] = {
      get: operation({
        ...COMMON,
        operationId: `docsAsset_${asset.file.replace(/[^A-Za-z0-9]+/g, '_')}`,
        summary: `Docs page file ${asset.file}`,
        description: asset.description,
        responses: {
          '200': response('The file.', {
            content: content([asset.contentType.split(';')[0] ?? 'text/plain'], { type: 'string' }),
          }),
          '404': response('swagger-ui-dist is not installed.', {
            content: content(['application/json'], schemaRef('ProblemDetails')),
          }),
        },
      }),
    };
  }
  return paths;
}
