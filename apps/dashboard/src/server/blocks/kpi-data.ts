import {
  fetchLayer,
  type DataAge,
  type LayerConfig,
  type TtlCache,
  type LayerAnswer,
} from '../../proxy/index.js';
import { numbersOf } from './attribute-value.js';

export type KpiAggregate = 'avg' | 'min' | 'max' | 'sum' | 'count';

/** What a KPI card shows. */
export interface KpiAnswer {
  kind: 'kpi';
  value: number | null;
  unit?: string;
  /** Entities that have a number for the attribute. */
  count: number;
  dataAge: DataAge;
}

/**
 * One number from the attribute of every matching entity: their average, minimum, maximum, sum
 * or count. Past the proxy's feature cap (aggregated answer) there is no value.
 * @example combine([1, 2, 3], 'avg') // 2
 */
export function combine(values: readonly number[], aggregate: KpiAggregate): number | null {
  if (aggregate === 'count') return values.length;
  if (values.length === 0) return null;
  switch (aggregate) {
    case 'min':
      return Math.min(...values);
    case 'max':
      return Math.max(...values);
    case 'sum':
      return values.reduce((sum, value) => sum + value, 0);
    case 'avg':
      return values.reduce((sum, value) => sum + value, 0) / values.length;
  }
}

/** The KPI of a block, its entities read through the shared cache. */
export async function kpiData(
  layer: LayerConfig,
  attribute: string,
  aggregate: KpiAggregate,
  unit: string | undefined,
  cache: TtlCache<LayerAnswer>,
): Promise<KpiAnswer> {
  const answer = await cache.get(`block:${layer.id}`, () => fetchLayer(layer, { bbox: undefined }));
  const values = answer.aggregated
    ? []
    : numbersOf(answer.features.map((feature) => feature.properties[attribute]));
  return {
    kind: 'kpi',
    value: answer.aggregated ? null : combine(values, aggregate),
    ...(unit && { unit }),
    count: values.length,
    dataAge: answer.dataAge,
  };
}
