/** One period of an aggregated attribute: its start and value (null when not a number). */
export type SeriesPoint = [start: string, value: number | null];

/**
 * The periods of one attribute of a temporal entity in the aggregated representation
 * (ETSI GS CIM 009 v1.8.1 §4.5.19: `{ "avg": [[value, start, end], …] }`), oldest first. An
 * attribute with several instances (datasetId) uses the default instance, else the first.
 * @example aggregatedSeries({ pm25: { type: 'Property', avg: [[12, '2026-01-01T00:00:00Z', '…']] } }, 'pm25', 'avg')
 * // [['2026-01-01T00:00:00.000Z', 12]]
 */
export function aggregatedSeries(
  entity: unknown,
  attribute: string,
  method: string,
): SeriesPoint[] {
  if (typeof entity !== 'object' || entity === null) return [];
  const raw = (entity as Record<string, unknown>)[attribute];
  const instances = (Array.isArray(raw) ? raw : [raw]).filter(
    (item): item is Record<string, unknown> => typeof item === 'object' && item !== null,
  );
  const instance = instances.find((item) => item.datasetId === undefined) ?? instances[0];
  const periods = instance?.[method];
  if (!Array.isArray(periods)) return [];
  const points: SeriesPoint[] = [];
  for (const period of periods) {
    if (!Array.isArray(period) || typeof period[1] !== 'string') continue;
    const start = Date.parse(period[1]);
    if (Number.isNaN(start)) continue;
    const value: unknown = period[0];
    points.push([
      new Date(start).toISOString(),
      typeof value === 'number' && Number.isFinite(value) ? value : null,
    ]);
  }
  return points.sort((a, b) => a[0].localeCompare(b[0]));
}
