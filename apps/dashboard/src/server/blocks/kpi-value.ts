export type KpiAggregate = 'avg' | 'min' | 'max' | 'sum' | 'count';

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
