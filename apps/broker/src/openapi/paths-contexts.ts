import {
  content,
  headerRef,
  jsonBody,
  noContent,
  operation,
  queryParam,
  response,
  responseRef,
  schemaRef,
} from './operation-kit.js';
import type { Paths } from './openapi-types.js';

const BASE = '/ngsi-ld/v1/jsonldContexts';
const COMMON = { tag: 'Contexts' } as const;
const DETAILS = { type: 'boolean', default: false };
const CONTEXT_EXAMPLE = {
  '@context': {
    OffStreetParking: 'https://smartdatamodels.org/dataModel.Parking/OffStreetParking',
    availableSpotNumber: 'https://smartdatamodels.org/dataModel.Parking/availableSpotNumber',
  },
};

/**
 * @context management (ETSI GS CIM 009 v1.8.1 §6.29, §6.30; operations §5.13), as registered by
 * contexts/routes.ts. Stored contexts are broker-wide: NGSILD-Tenant does not apply.
 * @example Object.assign(paths, contextPaths())
 */
export function contextPaths(): Paths {
  return {
    [BASE]: {
      post: operation({
        ...COMMON,
        operationId: 'addContext',
        summary: 'Add @context',
        clause: '§6.29.3.1 (Add @context, §5.13.2)',
        description:
          'Stores a user @context and serves it from this broker (kind Hosted), so that clients can name it in Link headers.',
        body: jsonBody(
          'A JSON object whose root member is "@context".',
          schemaRef('ContextDocument'),
          { examples: { parking: { value: CONTEXT_EXAMPLE } } },
        ),
        responses: {
          '201': response('Stored; Location is where it is served.', {
            headers: { Location: headerRef('ContextLocation') },
          }),
        },
      }),
      get: operation({
        ...COMMON,
        operationId: 'listContexts',
        summary: 'List @contexts',
        clause: '§6.29.3.2 (List @contexts, §5.13.3)',
        description:
          'Lists the stored @contexts: their URLs, or with details=true their metadata. The answer is application/json.',
        query: [
          queryParam('details', 'true: metadata objects instead of URLs.', DETAILS, true),
          queryParam(
            'kind',
            'Only @contexts of this kind.',
            { type: 'string', enum: ['Hosted', 'Cached', 'ImplicitlyCreated'] },
            'Hosted',
          ),
        ],
        responses: {
          '200': response('URLs, or metadata with details=true.', {
            content: content(['application/json'], {
              oneOf: [
                { type: 'array', items: { type: 'string', format: 'uri' } },
                { type: 'array', items: schemaRef('ContextDetails') },
              ],
            }),
          }),
          '406': responseRef('NotAcceptable'),
        },
      }),
    },
    [`${BASE}/{contextId}`]: {
      get: operation({
        ...COMMON,
        operationId: 'serveContext',
        summary: 'Serve @context',
        clause: '§6.30.3.1 (Serve @context, §5.13.4)',
        description:
          'Returns a stored @context as application/ld+json, or with details=true its metadata as application/json. A Cached @context is not served (422): fetch it from its original URL.',
        path: ['contextId'],
        query: [
          queryParam('details', 'true: the metadata instead of the @context.', DETAILS, true),
        ],
        responses: {
          '200': response('The @context, or its metadata.', {
            content: {
              'application/ld+json': {
                schema: schemaRef('ContextDocument'),
                examples: { parking: { value: CONTEXT_EXAMPLE } },
              },
              'application/json': { schema: schemaRef('ContextDetails') },
            },
          }),
          '404': responseRef('NotFound'),
          '422': responseRef('Unprocessable'),
        },
      }),
      delete: operation({
        ...COMMON,
        operationId: 'deleteContext',
        summary: 'Delete and Reload @context',
        clause: '§6.30.3.2 (Delete and Reload @context, §5.13.5)',
        description:
          'Deletes a stored @context, or with reload=true fetches a Cached one again from its URL.',
        path: ['contextId'],
        query: [
          queryParam(
            'reload',
            'true: fetch the Cached @context again instead of deleting it (400 for other kinds).',
            DETAILS,
            true,
          ),
        ],
        responses: { '204': noContent('Deleted (or reloaded).'), '404': responseRef('NotFound') },
      }),
    },
  };
}
