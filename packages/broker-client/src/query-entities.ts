import type { JsonObject, JsonValue } from '@legocity/ngsi-ld';
import type { ClientSettings } from './client-options.js';
import { isJsonObject } from './response-body.js';
import { pages } from './paging.js';
import { invalidResponse, send, type BrokerRequest, type BrokerResponse } from './transport.js';
import type { EntityOrFeature, QueryResult, RepresentationOption } from './types.js';
import { apiPath, type QueryValues } from './url.js';

export interface GeoQuery {
  georel: string;
  geometry: string;
  /** The spec's string form, or coordinates that are serialised for you, e.g. [8.68, 49.41]. */
  coordinates: string | JsonValue[];
  geoproperty?: string;
}

/** Paging and representation: the URL parameters shared by GET and POST queries. */
export interface PageParams {
  limit?: number;
  offset?: number;
  /** Ask for NGSILD-Results-Count. */
  count?: boolean;
  options?: RepresentationOption[];
  lang?: string;
  /** Ask for GeoJSON (Accept: application/geo+json): entities are then Features. */
  geoJson?: boolean;
  geometryProperty?: string;
}

export interface QueryEntitiesParams extends PageParams {
  type?: string;
  id?: string | string[];
  idPattern?: string;
  q?: string;
  scopeQ?: string;
  attrs?: string[];
  pick?: string[];
  omit?: string[];
  geoQ?: GeoQuery;
  local?: boolean;
}

/** The Query data type (§5.2.23) sent to POST /entityOperations/query; `type: 'Query'` is added. */
export type QueryBody = JsonObject;

/**
 * Query Entities by GET (ETSI GS CIM 009 v1.9.1 §6.4.3.2) and by POST (§6.23), one page at a time
 * or as an async iterable that pages with limit/offset until a short page.
 */
export function queryOperations(settings: ClientSettings) {
  async function queryEntities<O extends QueryEntitiesParams>(
    params: O,
  ): Promise<QueryResult<EntityOrFeature<O>>> {
    const query = { ...entityFilters(params), ...pageValues(params) };
    const request = { method: 'GET', path: apiPath('entities'), query } as const;
    return queryPage<EntityOrFeature<O>>(settings, request, params);
  }

  async function postQuery<O extends PageParams>(
    body: QueryBody,
    page?: O,
  ): Promise<QueryResult<EntityOrFeature<O>>> {
    const path = apiPath('entityOperations', 'query');
    const request = {
      method: 'POST',
      path,
      body: { type: 'Query', ...body },
      query: pageValues(page),
    } as const;
    return queryPage<EntityOrFeature<O>>(settings, request, page);
  }

  return {
    /**
     * Query Entities (§6.4.3.2, GET /entities): one page, with the total when `count` is set.
     * @example const { entities, count } = await client.queryEntities({ type: 'Room', q: 'temperature>20', count: true });
     */
    queryEntities,

    /**
     * Every entity matching `params`, fetched page by page (limit/offset) as you iterate.
     * @example for await (const room of client.queryAllEntities({ type: 'Room' })) console.log(room.id);
     */
    queryAllEntities<O extends QueryEntitiesParams>(
      params: O,
      paging?: { pageSize?: number },
    ): AsyncIterable<EntityOrFeature<O>> {
      const fetchPage = (page: PageParams) =>
        queryEntities({ ...params, ...page }) as Promise<QueryResult<EntityOrFeature<O>>>;
      return pages(params, paging?.pageSize, fetchPage);
    },

    /**
     * Query Entities by POST (§6.23, POST /entityOperations/query): for filters too long for a URL.
     * @example await client.postQuery({ entities: [{ type: 'Room' }], q: 'temperature>20' }, { limit: 50 });
     */
    postQuery,

    /**
     * Every entity matching a POST query, page by page.
     * @example for await (const room of client.postQueryAll({ entities: [{ type: 'Room' }] })) count += 1;
     */
    postQueryAll<O extends PageParams>(
      body: QueryBody,
      params?: O,
      paging?: { pageSize?: number },
    ): AsyncIterable<EntityOrFeature<O>> {
      const fetchPage = (page: PageParams) =>
        postQuery(body, { ...params, ...page }) as Promise<QueryResult<EntityOrFeature<O>>>;
      return pages(params ?? {}, paging?.pageSize, fetchPage);
    },
  };
}

async function queryPage<T>(
  settings: ClientSettings,
  request: Omit<BrokerRequest, 'isIdempotent'>,
  params: PageParams | undefined,
): Promise<QueryResult<T>> {
  const accept = params?.geoJson ? 'application/geo+json' : 'application/json';
  const response = await send(settings, { ...request, accept, isIdempotent: true });
  const result: QueryResult<T> = { entities: entitiesOf(response, params?.geoJson) as T[] };
  const count = Number.parseInt(response.headers.get('NGSILD-Results-Count') ?? '', 10);
  if (Number.isFinite(count)) result.count = count;
  return result;
}

/** A JSON array of entities, or the features of a GeoJSON FeatureCollection. */
function entitiesOf(response: BrokerResponse, isGeoJson: boolean | undefined): JsonValue[] {
  const { body } = response;
  if (isGeoJson && isJsonObject(body) && Array.isArray(body.features)) return body.features;
  if (Array.isArray(body)) return body;
  throw invalidResponse(response, isGeoJson ? 'a FeatureCollection' : 'a JSON array');
}

function entityFilters(params: QueryEntitiesParams): QueryValues {
  const { geoQ } = params;
  const coordinates = geoQ?.coordinates;
  return {
    type: params.type,
    id: params.id,
    idPattern: params.idPattern,
    q: params.q,
    scopeQ: params.scopeQ,
    attrs: params.attrs,
    pick: params.pick,
    omit: params.omit,
    georel: geoQ?.georel,
    geometry: geoQ?.geometry,
    coordinates:
      coordinates === undefined || typeof coordinates === 'string'
        ? coordinates
        : JSON.stringify(coordinates),
    geoproperty: geoQ?.geoproperty,
    local: params.local,
  };
}

function pageValues(params: PageParams | undefined): QueryValues {
  return {
    limit: params?.limit,
    offset: params?.offset,
    count: params?.count,
    options: params?.options,
    lang: params?.lang,
    geometryProperty: params?.geometryProperty,
  };
}
