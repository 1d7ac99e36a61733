import type { LayerConfig } from '../../proxy/index.js';
import { aggregatedSeries } from '../temporal/aggregated-series.js';
import { temporalRequest } from '../temporal/temporal-request.js';
import { combine, type KpiAggregate } from './kpi-value.js';

const HOUR_MS = 3_600_000;
const PAGE_SIZE = 1_000;
/** Entities read for a trend; a KPI over more has none. */
export const MAX_TREND_ENTITIES = 5_000;

/**
 * The KPI an hour ago: each entity's average over the hour that ended an hour ago (broker
 * temporal aggregation), combined like the current value. Undefined when no entity has a value
 * then or the layer is too large; a failed broker call has no trend rather than no KPI.
 * @example const before = await previousKpi(layer, 'pm25', 'avg', new Date());
 */
export async function previousKpi(
  layer: LayerConfig,
  attribute: string,
  aggregate: KpiAggregate,
  now: Date,
): Promise<number | undefined> {
  const query = {
    type: layer.entityType,
    ...(layer.q !== undefined && { q: layer.q }),
    attrs: attribute,
    options: 'aggregatedValues',
    aggrMethods: 'avg',
    aggrPeriodDuration: 'PT1H',
    timerel: 'between',
    timeAt: new Date(now.getTime() - 2 * HOUR_MS).toISOString(),
    endTimeAt: new Date(now.getTime() - HOUR_MS).toISOString(),
    limit: String(PAGE_SIZE),
  };
  try {
    const values: number[] = [];
    for (let offset = 0; offset < MAX_TREND_ENTITIES; offset += PAGE_SIZE) {
      const { body } = await temporalRequest(layer.broker, { ...query, offset: String(offset) });
      const entities = Array.isArray(body) ? body : [];
      for (const entity of entities) {
        const first = aggregatedSeries(entity, attribute, 'avg').find(
          ([, value]) => value !== null,
        );
        if (first?.[1] !== undefined && first[1] !== null) values.push(first[1]);
      }
      if (entities.length < PAGE_SIZE) break;
    }
    return values.length === 0 ? undefined : (combine(values, aggregate) ?? undefined);
  } catch {
    return undefined;
  }
}
