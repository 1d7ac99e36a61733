import type { DataAge, LayerBroker } from '../../proxy/index.js';
import { aggregatedSeries, type SeriesPoint } from '../temporal/aggregated-series.js';
import { temporalRequest } from '../temporal/temporal-request.js';

/** What a time-series chart draws. */
export interface TimeSeriesAnswer {
  kind: 'timeSeries';
  period: string;
  points: SeriesPoint[];
  dataAge: DataAge;
}

export interface TimeSeriesQuery {
  entityId: string;
  attribute: string;
  /** An ISO 8601 duration, or 'none' for the raw values. */
  period: string;
  method: string;
  lastHours: number;
}

/** Most raw values drawn when a chart has no aggregation period. */
export const MAX_RAW_POINTS = 2_000;

/**
 * One attribute of one entity over the last hours, aggregated per period by the broker, or its
 * newest raw values.
 * @example await timeSeriesData(broker, { entityId, attribute: 'pm25', period: 'PT1H', method: 'avg', lastHours: 24 }, new Date())
 */
export async function timeSeriesData(
  broker: LayerBroker,
  query: TimeSeriesQuery,
  now: Date,
): Promise<TimeSeriesAnswer> {
  const timeAt = new Date(now.getTime() - query.lastHours * 3_600_000).toISOString();
  const base = { attrs: query.attribute, timerel: 'after', timeAt };
  const isRaw = query.period === 'none';
  const { body } = await temporalRequest(
    broker,
    isRaw
      ? { ...base, options: 'temporalValues', lastN: String(MAX_RAW_POINTS) }
      : {
          ...base,
          options: 'aggregatedValues',
          aggrMethods: query.method,
          aggrPeriodDuration: query.period,
        },
    query.entityId,
  );
  const points = isRaw
    ? rawSeries(body, query.attribute)
    : aggregatedSeries(body, query.attribute, query.method);
  const newest = points.at(-1)?.[0];
  return {
    kind: 'timeSeries',
    period: query.period,
    points,
    dataAge: { ...(newest && { newestChangeAt: newest }), fetchedAt: now.toISOString() },
  };
}

/** The simplified temporal representation (§4.5.9): `{ values: [[value, time], …] }`. */
function rawSeries(entity: unknown, attribute: string): SeriesPoint[] {
  const raw = (entity as Record<string, unknown> | null)?.[attribute];
  const instance = (Array.isArray(raw) ? raw[0] : raw) as { values?: unknown } | undefined;
  if (!Array.isArray(instance?.values)) return [];
  const points: SeriesPoint[] = [];
  for (const pair of instance.values as unknown[]) {
    if (!Array.isArray(pair) || typeof pair[1] !== 'string') continue;
    const at = Date.parse(pair[1]);
    if (Number.isNaN(at)) continue;
    const value: unknown = pair[0];
    points.push([new Date(at).toISOString(), typeof value === 'number' ? value : null]);
  }
  return points.sort((a, b) => a[0].localeCompare(b[0]));
}
