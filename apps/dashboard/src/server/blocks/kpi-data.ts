import {
  fetchLayer,
  type DataAge,
  type LayerConfig,
  type TtlCache,
  type LayerAnswer,
} from '../../proxy/index.js';
import { numbersOf } from './attribute-value.js';
import { previousKpi } from './kpi-trend.js';
import { combine, type KpiAggregate } from './kpi-value.js';

export type { KpiAggregate };

/** What a KPI card shows. */
export interface KpiAnswer {
  kind: 'kpi';
  value: number | null;
  unit?: string;
  /** Entities that have a number for the attribute. */
  count: number;
  /** The value now minus the value an hour ago, when both are known. */
  trend?: number;
  dataAge: DataAge;
}

/** The KPI of a block, its entities read through the shared cache. */
export async function kpiData(
  layer: LayerConfig,
  attribute: string,
  aggregate: KpiAggregate,
  unit: string | undefined,
  cache: TtlCache<LayerAnswer>,
  trendCache: TtlCache<unknown>,
  now: Date = new Date(),
): Promise<KpiAnswer> {
  const answer = await cache.get(`block:${layer.id}`, () => fetchLayer(layer, { bbox: undefined }));
  const values = answer.aggregated
    ? []
    : numbersOf(answer.features.map((feature) => feature.properties[attribute]));
  const value = answer.aggregated ? null : combine(values, aggregate);
  const before =
    value === null
      ? undefined
      : ((await trendCache.get(`trend:${layer.id}`, () =>
          previousKpi(layer, attribute, aggregate, now),
        )) as number | undefined);
  return {
    kind: 'kpi',
    value,
    ...(value !== null && before !== undefined && { trend: value - before }),
    ...(unit && { unit }),
    count: values.length,
    dataAge: answer.dataAge,
  };
}
