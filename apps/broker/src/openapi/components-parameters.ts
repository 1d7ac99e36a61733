import type { BrokerLimits } from '../broker-context.js';
import { SPEC } from './operation-kit.js';
import type { HeaderObject, ParameterObject } from './openapi-types.js';

const NAME_LIST = { type: 'string', pattern: '^[^,]+(,[^,]+)*$' };

function query(
  name: string,
  description: string,
  schema: Record<string, unknown>,
  example?: unknown,
): ParameterObject {
  return {
    name,
    in: 'query',
    description,
    required: false,
    schema,
    ...(example !== undefined ? { example } : {}),
  };
}

function path(name: string, description: string, example: string): ParameterObject {
  return {
    name,
    in: 'path',
    description,
    required: true,
    schema: { type: 'string', minLength: 1 },
    example,
  };
}

/**
 * Parameters shared by several operations, keyed by component name. Limits are the broker's
 * configured ones, so the document states what this broker enforces.
 * @example components.parameters = sharedParameters(DEFAULT_LIMITS)
 */
export function sharedParameters(limits: BrokerLimits): Record<string, ParameterObject> {
  return {
    entityId: path(
      'entityId',
      'The entity id: a URI (URL-encode it). Not a URI: 400 BadRequestData.',
      'urn:ngsi-ld:OffStreetParking:hanoi-001',
    ),
    attrId: path(
      'attrId',
      'An attribute name: a short name expanded with the request @context, or a full IRI.',
      'availableSpotNumber',
    ),
    typeName: path(
      'type',
      'An entity type: a short name expanded with the request @context, or a full IRI.',
      'OffStreetParking',
    ),
    contextId: path(
      'contextId',
      'The local id of a stored @context (the last segment of its Location), or for a Cached one its original URL.',
      '8d2f6c1e-7f0b-4e55-a3c1-2b9d7e0c4a11',
    ),
    subscriptionId: path(
      'subscriptionId',
      'The subscription id: a URI (URL-encode it). Not a URI: 400 BadRequestData.',
      'urn:ngsi-ld:Subscription:parking-filling-up',
    ),
    entityType: query(
      'type',
      `Only act on the entity when it has one of the types named here (an entity type selection, ${SPEC} §4.17; on single-entity operations every name counts as an alternative). Short names are expanded with the request @context. An entity that exists but has none of them answers 404.`,
      { type: 'string', maxLength: 4096 },
      'OffStreetParking',
    ),
    queryType: query(
      'type',
      `Entity type selection (${SPEC} §4.17): \`,\` or \`|\` means or, \`;\` means and, parentheses group. At most 4096 characters and 100 type names.`,
      { type: 'string', maxLength: 4096 },
      'OffStreetParking,ParkingSpot',
    ),
    id: query(
      'id',
      'Comma-separated entity ids; each must be a URI.',
      NAME_LIST,
      'urn:ngsi-ld:OffStreetParking:hanoi-001,urn:ngsi-ld:OffStreetParking:hanoi-002',
    ),
    idPattern: query(
      'idPattern',
      'A regular expression the entity id must match (POSIX, evaluated by the database).',
      { type: 'string' },
      '^urn:ngsi-ld:OffStreetParking:hanoi-.*',
    ),
    q: query(
      'q',
      `An NGSI-LD query (${SPEC} §4.9), e.g. \`availableSpotNumber>10;status=="open"\`. \`;\` is and, \`|\` is or; attribute paths use \`.\` for sub-attributes and \`[…]\` for values inside objects.`,
      { type: 'string' },
      'availableSpotNumber>10',
    ),
    queryAttrs: query(
      'attrs',
      'Comma-separated attribute names. Only entities that have at least one of them match, and only these attributes are returned.',
      NAME_LIST,
      'availableSpotNumber,location',
    ),
    georel: query(
      'georel',
      `Geo-relationship (${SPEC} §4.10): \`near;maxDistance==<metres>\`, \`near;minDistance==<metres>\` (both may be given), \`within\`, \`contains\`, \`intersects\`, \`equals\`, \`disjoint\` or \`overlaps\`. Needs geometry and coordinates.`,
      { type: 'string' },
      'near;maxDistance==2000',
    ),
    geometry: query(
      'geometry',
      'Reference geometry type for the geo-query; any GeoJSON geometry type but GeometryCollection. Needs georel and coordinates.',
      {
        type: 'string',
        enum: ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'],
      },
      'Point',
    ),
    coordinates: query(
      'coordinates',
      'Coordinates of the reference geometry as JSON text, GeoJSON order (longitude, latitude). Needs georel and geometry.',
      { type: 'string' },
      '[105.8542,21.0285]',
    ),
    geoproperty: query(
      'geoproperty',
      'The GeoProperty the geo-query applies to (default `location`). Only with georel, geometry and coordinates.',
      { type: 'string', default: 'location' },
      'location',
    ),
    limit: query(
      'limit',
      `Most entities to return: default ${limits.defaultQueryLimit}, maximum ${limits.maxQueryLimit} (above it: 403 TooManyResults). \`limit=0\` is only allowed with \`count=true\` (to count without fetching). ${SPEC} §5.5.9.`,
      {
        type: 'integer',
        minimum: 0,
        maximum: limits.maxQueryLimit,
        default: limits.defaultQueryLimit,
      },
      limits.defaultQueryLimit,
    ),
    offset: query(
      'offset',
      `Entities to skip before the first one returned (default 0). ${SPEC} §5.5.9.`,
      { type: 'integer', minimum: 0, default: 0 },
      0,
    ),
    count: query(
      'count',
      `When true, the total number of matching entities is returned in the NGSILD-Results-Count header (${SPEC} §6.3.13).`,
      { type: 'boolean', default: false },
      true,
    ),
    options: query(
      'options',
      `Comma-separated flags (${SPEC} §6.3.7): \`keyValues\` (simplified) or \`concise\` representation (not both), \`normalized\`, \`sysAttrs\` (add createdAt and modifiedAt). \`format\`, when given, wins over the representation named here.`,
      {
        type: 'string',
        pattern:
          '^(keyValues|concise|normalized|sysAttrs)(,(keyValues|concise|normalized|sysAttrs))*$',
      },
      'sysAttrs',
    ),
    format: query(
      'format',
      `The representation (${SPEC} §6.3.7, §4.5): \`normalized\` (default), \`concise\`, \`keyValues\` or its synonym \`simplified\`.`,
      {
        type: 'string',
        enum: ['normalized', 'concise', 'keyValues', 'simplified'],
        default: 'normalized',
      },
      'keyValues',
    ),
    pick: query(
      'pick',
      `Comma-separated entity members to keep: \`id\`, \`type\` or attribute names (${SPEC} §4.21). Not together with omit.`,
      NAME_LIST,
      'id,type,availableSpotNumber',
    ),
    omit: query(
      'omit',
      `Comma-separated entity members to leave out (${SPEC} §4.21). Not together with pick.`,
      NAME_LIST,
      'location',
    ),
    lang: query(
      'lang',
      `Preferred language (a BCP 47 tag, or \`*\`): LanguageProperty values are reduced to that language (${SPEC} §4.15).`,
      { type: 'string', pattern: '^(\\*|[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*)$' },
      'vi',
    ),
    geometryProperty: query(
      'geometryProperty',
      'The GeoProperty used as each Feature geometry (default `location`). Only with Accept: application/geo+json; with another answer type it is refused (400).',
      { type: 'string', default: 'location' },
      'location',
    ),
    Link: {
      name: 'Link',
      in: 'header',
      required: false,
      description: `The request @context as a JSON-LD link (${SPEC} §6.3.5): \`<URL>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json"\`. Only one context link; not allowed with Content-Type application/ld+json (the body carries "@context" then). Without it, only the NGSI-LD core context applies.`,
      schema: { type: 'string' },
      example:
        '<https://example.org/parking-context.jsonld>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json"',
    },
    'NGSILD-Tenant': {
      name: 'NGSILD-Tenant',
      in: 'header',
      required: false,
      description: `The tenant (${SPEC} §6.3.14): 1–63 letters, digits and \`_ . : -\`, not starting with a symbol. Absent: the default tenant. A tenant is created by its first write; reading one that was never written to answers 404 NonexistentTenant.`,
      schema: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.:-]{0,62}$' },
      example: 'city-hanoi',
    },
    'X-Correlation-Id': {
      name: 'X-Correlation-Id',
      in: 'header',
      required: false,
      description:
        'Your id for this request, echoed in the answer and written in the broker log; a new UUID when absent or not of this form.',
      schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,128}$' },
      example: 'dashboard-7f3a',
    },
  };
}

/**
 * Response headers shared by several operations.
 * @example components.headers = sharedHeaders()
 */
export function sharedHeaders(): Record<string, HeaderObject> {
  return {
    XCorrelationId: {
      description:
        'The correlation id of this request (the one sent, or a new UUID); quote it when reporting a problem.',
      schema: { type: 'string' },
      example: '4f1c2a9e-0b7d-4c1e-9a51-2f6f0e3b7c10',
    },
    Tenant: {
      description: 'Echo of the NGSILD-Tenant request header, when one was sent.',
      schema: { type: 'string' },
      example: 'city-hanoi',
    },
    Link: {
      description: `With application/json and application/geo+json answers: the @context the body is compacted with (${SPEC} §6.3.5). Absent with application/ld+json, whose body carries "@context".`,
      schema: { type: 'string' },
      example:
        '<https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.8.jsonld>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json"',
    },
    ResultsCount: {
      description: `With count=true: the number of entities matching the query, whatever limit and offset (${SPEC} §6.3.13).`,
      schema: { type: 'integer', minimum: 0 },
      example: 42,
    },
    EntityLocation: {
      description: 'The path of the created entity.',
      required: true,
      schema: { type: 'string' },
      example: '/ngsi-ld/v1/entities/urn%3Angsi-ld%3AOffStreetParking%3Ahanoi-001',
    },
    ContextLocation: {
      description: 'The path of the stored @context.',
      required: true,
      schema: { type: 'string' },
      example: '/ngsi-ld/v1/jsonldContexts/8d2f6c1e-7f0b-4e55-a3c1-2b9d7e0c4a11',
    },
    SubscriptionLocation: {
      description: 'The path of the created subscription.',
      required: true,
      schema: { type: 'string' },
      example: '/ngsi-ld/v1/subscriptions/urn%3Angsi-ld%3ASubscription%3Aparking-filling-up',
    },
  };
}
