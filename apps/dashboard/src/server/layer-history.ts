import { ProxyError } from '../proxy/index.js';
import type { DataContext } from './data-context.js';
import { ENTITY_ID, NAME, matching, wholeNumber } from './parse-parameters.js';
import type { ResolvedLayer } from './resolve-layer.js';
import { aggregatedSeries, type SeriesPoint } from './temporal/aggregated-series.js';
import { temporalRequest } from './temporal/temporal-request.js';
import { temporalLayerRoute } from './temporal/temporal-layer-route.js';

/** Period of the detail panel's chart. */
export const HISTORY_PERIOD = 'PT15M';
const PERIOD_MS = 15 * 60_000;

const HISTORY_PARAMETERS = {
  entity: matching(ENTITY_ID, 'must be an entity id (a URI)'),
  attribute: matching(NAME, 'must be an attribute name'),
  hours: wholeNumber(1, 168, 24),
};

/** What the detail panel's chart draws. */
export interface HistoryAnswer {
  entityId: string;
  attribute: string;
  period: typeof HISTORY_PERIOD;
  points: SeriesPoint[];
  dataAge: { newestChangeAt?: string; fetchedAt: string };
}

/**
 * GET /api/data/layers/{layerId}/history?entity=&attribute=&hours=: the 15-minute averages of one
 * attribute of one entity of the layer (its type and q apply, so no other entity can be read).
 * @example return layerHistory(context, params.layerId, url.searchParams);
 */
export async function layerHistory(
  context: DataContext,
  layerId: string,
  search: URLSearchParams,
  now: () => Date = () => new Date(),
): Promise<Response> {
  return temporalLayerRoute<{ entity: string; attribute: string; hours: number }>(
    context,
    layerId,
    search,
    HISTORY_PARAMETERS,
    'history',
    (layer, { entity, attribute, hours }) => readHistory(layer, entity, attribute, hours, now()),
  );
}

async function readHistory(
  layer: ResolvedLayer,
  entityId: string,
  attribute: string,
  hours: number,
  now: Date,
): Promise<HistoryAnswer> {
  const from = Math.floor((now.getTime() - hours * 3_600_000) / PERIOD_MS) * PERIOD_MS;
  const { config } = layer;
  const { body } = await temporalRequest(config.broker, {
    id: entityId,
    type: config.entityType,
    ...(config.q !== undefined && { q: config.q }),
    attrs: attribute,
    options: 'aggregatedValues',
    aggrMethods: 'avg',
    aggrPeriodDuration: HISTORY_PERIOD,
    timerel: 'after',
    timeAt: new Date(from).toISOString(),
  });
  const entity: unknown = Array.isArray(body) ? body[0] : undefined;
  if (entity === undefined)
    throw new ProxyError('UnknownEntity', 'This entity is not in this layer');
  const points = aggregatedSeries(entity, attribute, 'avg');
  const newest = points.at(-1)?.[0];
  return {
    entityId,
    attribute,
    period: HISTORY_PERIOD,
    points,
    dataAge: { ...(newest && { newestChangeAt: newest }), fetchedAt: now.toISOString() },
  };
}
