import {
  NgsiLdError,
  findNonPosixConstruct,
  isTooComplexQuery,
  isUri,
  parseGeoQuery,
  parseQ,
  parseTypeSelection,
  type GeoQuery,
  type Problem,
} from '@legocity/ngsi-ld';
import type { BrokerLimits } from '../broker-context.js';
import { parseNames } from '../http/names.js';
import { parseBoolean, parseInteger } from '../http/query-params.js';
import type { EntityQuery, EntitySelector } from './entity-query.js';

/** Query parameters of GET /entities that select entities (§6.4.3.2). */
export const QUERY_PARAMS = [
  'type',
  'id',
  'idPattern',
  'q',
  'attrs',
  'georel',
  'geometry',
  'coordinates',
  'geoproperty',
] as const;
export const PAGING_PARAMS = ['limit', 'offset', 'count'] as const;

/**
 * Turn GET /entities parameters into an EntityQuery, reporting every problem at once.
 * @example const query = parseEntityQueryParams(params, ctx.limits)
 */
export function parseEntityQueryParams(
  params: Record<string, string | undefined>,
  limits: BrokerLimits,
): EntityQuery {
  const problems: Problem[] = [];
  const selector: EntitySelector = {};
  const type = collect(
    params.type === undefined ? undefined : parseTypeSelection(params.type),
    problems,
  );
  if (type) selector.type = type;
  if (params.id !== undefined) selector.ids = parseIds(params.id, problems);
  if (params.idPattern !== undefined)
    selector.idPattern = checkPattern(params.idPattern, 'idPattern', problems);
  const query: EntityQuery = { selectors: [selector], ...parsePaging(params, limits) };
  const q = collect(params.q === undefined ? undefined : parseQ(params.q), problems);
  if (q) query.q = q;
  const geo = parseGeo(params, problems);
  if (geo) query.geo = geo;
  if (params.attrs !== undefined) query.attrs = collectNames(params.attrs, 'attrs', problems);
  if (problems.length > 0) throw queryError(problems);
  return query;
}

/**
 * Turn a POST /entityOperations/query body (the Query data type, §5.2.23) into an EntityQuery.
 * @example const query = parseQueryBody(body, params, ctx.limits)
 */
export function parseQueryBody(
  body: unknown,
  params: Record<string, string | undefined>,
  limits: BrokerLimits,
): EntityQuery {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new NgsiLdError('BadRequestData', 'The body must be a Query object', { field: 'body' });
  }
  const input = body as Record<string, unknown>;
  const problems: Problem[] = [];
  if (input.type !== 'Query') problems.push({ field: 'type', message: 'must be "Query"' });
  const allowed = new Set(['type', '@context', 'entities', 'attrs', 'q', 'geoQ', 'lang']);
  for (const key of Object.keys(input)) {
    if (!allowed.has(key))
      problems.push({
        field: key,
        message: `is not supported in a Query (supported: ${[...allowed].join(', ')})`,
      });
  }
  const query: EntityQuery = { selectors: [], ...parsePaging(params, limits) };
  if (input.entities !== undefined) query.selectors = parseSelectors(input.entities, problems);
  if (input.attrs !== undefined) {
    if (Array.isArray(input.attrs) && input.attrs.every((a) => typeof a === 'string')) {
      query.attrs = collectNames(input.attrs.join(','), 'attrs', problems);
    } else problems.push({ field: 'attrs', message: 'must be an array of attribute names' });
  }
  if (input.q !== undefined) {
    if (typeof input.q === 'string') query.q = collect(parseQ(input.q), problems);
    else problems.push({ field: 'q', message: 'must be a string in the NGSI-LD query language' });
  }
  if (input.lang !== undefined) {
    if (typeof input.lang === 'string') query.lang = input.lang;
    else
      problems.push({ field: 'lang', message: "must be a language filter such as 'vi,en;q=0.5'" });
  }
  if (input.geoQ !== undefined) {
    if (typeof input.geoQ === 'object' && input.geoQ !== null) {
      query.geo = collect(parseGeoQuery(input.geoQ as Record<string, string>, 'geoQ.'), problems);
    } else
      problems.push({
        field: 'geoQ',
        message: 'must be an object with geometry, coordinates and georel',
      });
  }
  if (problems.length > 0) throw queryError(problems);
  return query;
}

function parseSelectors(raw: unknown, problems: Problem[]): EntitySelector[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.push({ field: 'entities', message: 'must be a non-empty array of entity selectors' });
    return [];
  }
  return raw.map((item, index) => {
    const field = `entities[${index}]`;
    const selector: EntitySelector = {};
    const { id, idPattern, type } = (item ?? {}) as Record<string, unknown>;
    if (id !== undefined) {
      if (typeof id === 'string' && isUri(id)) selector.ids = [id];
      else problems.push({ field: `${field}.id`, message: 'must be a URI' });
    }
    if (idPattern !== undefined) {
      if (typeof idPattern === 'string')
        selector.idPattern = checkPattern(idPattern, `${field}.idPattern`, problems);
      else
        problems.push({
          field: `${field}.idPattern`,
          message: 'must be a regular expression string',
        });
    }
    if (type !== undefined) {
      if (typeof type === 'string')
        selector.type = collect(parseTypeSelection(type, `${field}.type`), problems);
      else
        problems.push({
          field: `${field}.type`,
          message: 'must be an entity type selection string',
        });
    }
    return selector;
  });
}

/**
 * limit / offset / count of a listing (§6.3.10): TooManyResults above the maximum limit,
 * limit=0 only with count=true.
 * @example const { limit, offset, count } = parsePaging(params, ctx.limits)
 */
export function parsePaging(
  params: Record<string, string | undefined>,
  limits: BrokerLimits,
): Pick<EntityQuery, 'limit' | 'offset' | 'count'> {
  const count = parseBoolean(params.count, 'count') ?? false;
  const limit = parseInteger(params.limit, 'limit', { min: 0 }) ?? limits.defaultQueryLimit;
  if (limit > limits.maxQueryLimit) {
    throw new NgsiLdError(
      'TooManyResults',
      `limit ${limit} exceeds the maximum of ${limits.maxQueryLimit}; page with offset`,
      {
        field: 'limit',
      },
    );
  }
  if (limit === 0 && !count) {
    throw new NgsiLdError('BadRequestData', 'limit=0 is only allowed together with count=true', {
      field: 'limit',
    });
  }
  const offset = parseInteger(params.offset, 'offset', { min: 0 }) ?? 0;
  return { limit, offset, count };
}

function parseGeo(
  params: Record<string, string | undefined>,
  problems: Problem[],
): GeoQuery | undefined {
  const { georel, geometry, coordinates, geoproperty } = params;
  if (georel === undefined && geometry === undefined && coordinates === undefined) {
    if (geoproperty !== undefined)
      problems.push({ field: 'geoproperty', message: 'needs georel, geometry and coordinates' });
    return undefined;
  }
  return collect(parseGeoQuery({ georel, geometry, coordinates, geoproperty }), problems);
}

function parseIds(raw: string, problems: Problem[]): string[] {
  const ids = raw.split(',').map((id) => id.trim());
  ids.forEach((id) => {
    if (!isUri(id)) problems.push({ field: 'id', message: `'${id}' is not a URI` });
  });
  return ids;
}

function checkPattern(pattern: string, field: string, problems: Problem[]): string {
  try {
    new RegExp(pattern);
  } catch {
    problems.push({ field, message: `'${pattern}' is not a valid regular expression` });
    return pattern;
  }
  // idPattern runs in PostgreSQL's POSIX engine: refuse what it would reject, with a 400.
  const unsupported = findNonPosixConstruct(pattern);
  if (unsupported)
    problems.push({
      field,
      message: `uses ${unsupported}, which POSIX regular expressions do not support`,
    });
  return pattern;
}

/** TooComplexQuery (403) when a limit of the query language was hit, else BadRequestData (400). */
function queryError(problems: Problem[]): NgsiLdError {
  return NgsiLdError.fromProblems(
    isTooComplexQuery(problems) ? 'TooComplexQuery' : 'BadRequestData',
    problems,
  );
}

function collectNames(raw: string, field: string, problems: Problem[]): string[] | undefined {
  try {
    return parseNames(raw, field);
  } catch (error) {
    if (error instanceof NgsiLdError)
      problems.push(
        ...(error.problems.length > 0 ? error.problems : [{ field, message: error.message }]),
      );
    return undefined;
  }
}

function collect<T>(
  parsed: { ok: true; value: T } | { ok: false; problems: Problem[] } | undefined,
  problems: Problem[],
): T | undefined {
  if (!parsed) return undefined;
  if (parsed.ok) return parsed.value;
  problems.push(...parsed.problems);
  return undefined;
}
