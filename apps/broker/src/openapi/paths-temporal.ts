import { contextHeaders } from './entity-content.js';
import {
  SPEC,
  content,
  headerRef,
  jsonBody,
  operation,
  queryParam,
  response,
  responseRef,
} from './operation-kit.js';
import type { HeaderObject, ParameterObject, Paths, SchemaObject } from './openapi-types.js';

const AGGREGATION_METHODS = [
  'avg',
  'distinctCount',
  'max',
  'min',
  'stddev',
  'sum',
  'sumsq',
  'totalCount',
];

const temporalEntity: SchemaObject = {
  type: 'object',
  description: `An entity's temporal evolution (${SPEC} §4.5.6; §4.5.9 with temporalValues; §4.5.19 with aggregatedValues): id, type and, per attribute, its instances in time order.`,
  required: ['id', 'type'],
  properties: { id: { type: 'string', format: 'uri' }, type: {} },
  additionalProperties: true,
};

const EXAMPLE = {
  id: 'urn:ngsi-ld:WeatherObserved:hanoi-001',
  type: 'WeatherObserved',
  temperature: {
    type: 'Property',
    values: [
      [21.5, '2024-05-01T10:00:00.000Z'],
      [22.1, '2024-05-01T11:00:00.000Z'],
    ],
  },
};

const contentRange: HeaderObject = {
  description: `Only with 206 (${SPEC} §6.3.10): \`date-time <start>-<end>/<size>\`, the time range the answer holds completely. Continue with timerel=after&timeAt=<end> (or, with lastN, timerel=before&timeAt=<end>).`,
  schema: { type: 'string' },
};

const temporalParameters: ParameterObject[] = [
  queryParam(
    'timerel',
    `Temporal relation (${SPEC} §4.11): before (exclusive), after (inclusive) or between (timeAt inclusive, endTimeAt exclusive). Needs timeAt.`,
    { type: 'string', enum: ['before', 'after', 'between'] },
    'after',
  ),
  queryParam(
    'timeAt',
    'DateTime compared with the Temporal Property; required with timerel.',
    { type: 'string', format: 'date-time' },
    '2024-05-01T00:00:00Z',
  ),
  queryParam(
    'endTimeAt',
    'End of the range (exclusive); required with timerel=between, refused otherwise.',
    { type: 'string', format: 'date-time' },
  ),
  queryParam(
    'timeproperty',
    'The Temporal Property compared and shown; instances without it are left out.',
    { type: 'string', enum: ['observedAt', 'createdAt', 'modifiedAt'], default: 'observedAt' },
  ),
  queryParam(
    'lastN',
    'Only the newest n instances of each attribute (within the range).',
    { type: 'integer', minimum: 1 },
    100,
  ),
  queryParam(
    'options',
    'temporalValues (simplified temporal representation, §4.5.9) or aggregatedValues (§4.5.19), and/or sysAttrs (createdAt, modifiedAt of each instance).',
    { type: 'string' },
    'temporalValues',
  ),
  queryParam(
    'format',
    'The representation: normalized, temporalValues or aggregatedValues (same as options).',
    { type: 'string', enum: ['normalized', 'temporalValues', 'aggregatedValues'] },
  ),
  queryParam(
    'aggrMethods',
    `With aggregatedValues (required then): comma-separated methods among ${AGGREGATION_METHODS.join(', ')}.`,
    { type: 'string' },
    'avg,min,max',
  ),
  queryParam(
    'aggrPeriodDuration',
    'With aggregatedValues: ISO 8601 period length (weeks, days, hours, minutes, seconds; not years or months). PT0S or absent: one period over the whole range.',
    { type: 'string' },
    'PT1H',
  ),
];

const attrs = queryParam(
  'attrs',
  'Comma-separated attribute names: only their history is returned.',
  { type: 'string' },
  'temperature',
);

const COMMON = { tag: 'Temporal', hasTenant: true, hasLink: true } as const;

function answer(description: string, isList: boolean) {
  const schema = isList ? { type: 'array', items: temporalEntity } : temporalEntity;
  const example = { value: isList ? [EXAMPLE] : EXAMPLE };
  const headers = {
    ...contextHeaders({ hasTenant: true }),
    ...(isList ? { 'NGSILD-Results-Count': headerRef('ResultsCount') } : {}),
  };
  const media = content(['application/json', 'application/ld+json'], schema, {
    temporalValues: example,
  });
  return {
    '200': response(description, { headers, content: media }),
    '206': response(
      `${description} Cut at the per-attribute maximum (LEGOCITY_BROKER_TEMPORAL_MAX_INSTANCES).`,
      {
        headers: { ...headers, 'Content-Range': contentRange },
        content: media,
      },
    ),
  };
}

const retention: SchemaObject = {
  type: 'object',
  required: ['retention', 'effective'],
  properties: {
    retention: {
      type: ['string', 'null'],
      description: "The tenant's own period (ISO 8601), or null for the broker default.",
    },
    effective: { type: 'string', description: 'The period that applies; PT0S = kept forever.' },
  },
};

const tenantPath: ParameterObject = {
  name: 'tenant',
  in: 'path',
  required: true,
  description: 'The tenant name (NGSILD-Tenant); `_default` for the default tenant.',
  schema: { type: 'string', minLength: 1 },
  example: 'city-hanoi',
};

/**
 * The temporal API (read side) and the admin API of history retention, as registered by
 * temporal/routes.ts (ETSI GS CIM 009 v1.8.1 §6.18.3.2, §6.19.3.1, §6.24.3.1).
 * @example Object.assign(paths, temporalPaths())
 */
export function temporalPaths(): Paths {
  return {
    '/ngsi-ld/v1/temporal/entities/{entityId}': {
      get: operation({
        ...COMMON,
        operationId: 'retrieveTemporalEvolution',
        summary: 'Retrieve Temporal Evolution of an Entity',
        clause: '§6.19.3.1 (Retrieve Temporal Evolution of an Entity, §5.7.3)',
        description:
          "The recorded instances of the entity's attributes (every change the broker accepted), in time order. A deleted entity's history stays readable until retention removes it. 404 when the entity neither exists nor has history.",
        path: ['entityId'],
        query: [attrs, ...temporalParameters],
        responses: {
          ...answer('The temporal evolution of the entity.', false),
          '404': responseRef('NotFound'),
          '406': responseRef('NotAcceptable'),
        },
      }),
    },
    '/ngsi-ld/v1/temporal/entities': {
      get: operation({
        ...COMMON,
        operationId: 'queryTemporalEvolution',
        summary: 'Query Temporal Evolution of Entities',
        clause: '§6.18.3.2 (Query Temporal Evolution of Entities, §5.7.4)',
        description:
          'Entities are selected on their current state (type, id, idPattern, attrs, q, geo-query; at least one is required) and paged by id with limit and offset; then the history of each is returned. Deleted entities are not selected: retrieve them by id.',
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
          'limit',
          'offset',
          'count',
          ...temporalParameters,
        ],
        responses: {
          ...answer('The temporal evolution of each selected entity.', true),
          '403': responseRef('TooManyResults'),
          '404': responseRef('NotFound'),
          '406': responseRef('NotAcceptable'),
        },
      }),
    },
    '/ngsi-ld/v1/temporal/entityOperations/query': {
      post: operation({
        ...COMMON,
        operationId: 'queryTemporalEvolutionByPost',
        summary: 'Query Temporal Evolution of Entities (POST)',
        clause: '§6.24.3.1 (Query Temporal Evolution of Entities, §5.7.4)',
        description:
          'The same query with a Query body (§5.2.23) whose temporalQ member (§5.2.21: timerel, timeAt, endTimeAt, timeproperty, lastN) holds the temporal query. Paging, representation and aggregation stay in the query string.',
        query: [
          'limit',
          'offset',
          'count',
          ...temporalParameters.filter((p) =>
            ['options', 'format', 'aggrMethods', 'aggrPeriodDuration'].includes(p.name),
          ),
        ],
        body: jsonBody(
          'The query.',
          { type: 'object', required: ['type'], additionalProperties: true },
          {
            examples: {
              lastDay: {
                summary: 'Hourly temperatures of weather stations on 1 May 2024',
                value: {
                  type: 'Query',
                  entities: [{ type: 'WeatherObserved' }],
                  attrs: ['temperature'],
                  temporalQ: {
                    timerel: 'between',
                    timeAt: '2024-05-01T00:00:00Z',
                    endTimeAt: '2024-05-02T00:00:00Z',
                  },
                },
              },
            },
          },
        ),
        responses: {
          ...answer('The temporal evolution of each selected entity.', true),
          '403': responseRef('TooManyResults'),
          '404': responseRef('NotFound'),
          '406': responseRef('NotAcceptable'),
        },
      }),
    },
    '/admin/tenants/{tenant}/history-retention': {
      get: operation({
        tag: 'Operations',
        operationId: 'getHistoryRetention',
        summary: 'History retention of a tenant',
        description:
          "How long the tenant's entity history is kept (admin API, not NGSI-LD; needs the admin scope).",
        // The tenant is a path parameter described in place (operation() passes objects through).
        query: [tenantPath],
        responses: {
          '200': response('The retention.', { content: content(['application/json'], retention) }),
          '404': responseRef('NotFound'),
        },
      }),
      put: operation({
        tag: 'Operations',
        operationId: 'setHistoryRetention',
        summary: 'Set the history retention of a tenant',
        description:
          'Set how long the tenant\'s entity history is kept: `{"retention": "P30D"}` (P0D keeps it forever), or `{"retention": null}` for the broker default (LEGOCITY_BROKER_HISTORY_RETENTION). The background job deletes older history within LEGOCITY_BROKER_RETENTION_INTERVAL, never history the notifier has not processed yet.',
        query: [tenantPath],
        body: jsonBody(
          'The retention period.',
          {
            type: 'object',
            required: ['retention'],
            properties: { retention: { type: ['string', 'null'] } },
          },
          { examples: { month: { summary: 'Keep 30 days', value: { retention: 'P30D' } } } },
        ),
        responses: {
          '200': response('The retention now in force.', {
            content: content(['application/json'], retention),
          }),
          '404': responseRef('NotFound'),
        },
      }),
    },
  };
}
