import { contextHeaders, entityContent } from './entity-content.js';
import {
  headerRef,
  jsonBody,
  operation,
  response,
  responseRef,
  schemaRef,
} from './operation-kit.js';
import type { Paths } from './openapi-types.js';

const PAGING = ['limit', 'offset', 'count'];
const REPRESENTATION = ['options', 'format', 'pick', 'omit', 'lang', 'geometryProperty'];
const COMMON = { tag: 'Query', hasTenant: true, hasLink: true } as const;

const found = response('The matching entities, one page of them.', {
  headers: {
    ...contextHeaders({ hasTenant: true }),
    'NGSILD-Results-Count': headerRef('ResultsCount'),
  },
  content: entityContent('list'),
});

const QUERY_EXAMPLE = {
  type: 'Query',
  entities: [{ type: 'OffStreetParking' }],
  q: 'availableSpotNumber>10',
  geoQ: { georel: 'near;maxDistance==2000', geometry: 'Point', coordinates: [105.8542, 21.0285] },
  attrs: ['availableSpotNumber', 'location'],
};

/**
 * Query Entities by GET and by POST (ETSI GS CIM 009 v1.8.1 §6.4.3.2, §6.23.3.1), as registered
 * by query/routes.ts.
 * @example Object.assign(paths, queryPaths())
 */
export function queryPaths(): Paths {
  return {
    '/ngsi-ld/v1/entities': {
      get: operation({
        ...COMMON,
        operationId: 'queryEntities',
        summary: 'Query Entities',
        clause: '§6.4.3.2 (Query Entities, §5.7.2)',
        description:
          'Returns the entities matching every filter given. At least one of type, id, idPattern, attrs, q or a geo-query (georel, geometry, coordinates) is required: an unrestricted query answers 400. Results are paged with limit and offset; count=true adds the total in NGSILD-Results-Count.',
        query: [
          'queryType',
          'id',
          'idPattern',
          'q',
          'queryAttrs',
          'georel',
          'geometry',
          'coordinates',
          'geoproperty',
          ...PAGING,
          ...REPRESENTATION,
        ],
        responses: {
          '200': found,
          '403': responseRef('TooManyResults'),
          '404': responseRef('NotFound'),
          '406': responseRef('NotAcceptable'),
        },
      }),
    },
    '/ngsi-ld/v1/entityOperations/query': {
      post: operation({
        ...COMMON,
        operationId: 'queryEntitiesByPost',
        summary: 'Query Entities (POST)',
        clause: '§6.23.3.1 (Query Entities, §5.7.2)',
        description:
          'The same query as GET /entities, with the filters in a Query body (no URL length limit, no URL encoding). Paging and representation stay in the query string.',
        query: [...PAGING, ...REPRESENTATION],
        body: jsonBody('The query.', schemaRef('Query'), {
          examples: {
            nearby: { summary: 'Car parks with free spots within 2 km', value: QUERY_EXAMPLE },
          },
        }),
        responses: {
          '200': found,
          '403': responseRef('TooManyResults'),
          '404': responseRef('NotFound'),
          '406': responseRef('NotAcceptable'),
        },
      }),
    },
  };
}
