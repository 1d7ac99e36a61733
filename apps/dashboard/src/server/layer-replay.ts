import { ProxyError } from '../proxy/index.js';
import type { DataContext } from './data-context.js';
import { NAME, matching, wholeNumber } from './parse-parameters.js';
import type { ResolvedLayer } from './resolve-layer.js';
import { aggregatedSeries } from './temporal/aggregated-series.js';
import { temporalRequest } from './temporal/temporal-request.js';
import { temporalLayerRoute } from './temporal/temporal-layer-route.js';

/** Step of the time slider. */
export const REPLAY_PERIOD = 'PT1H';
const HOUR_MS = 3_600_000;
/** Most entities a layer may have for the time slider (its answer holds a value per hour each). */
export const MAX_REPLAY_ENTITIES = 5_000;
const PAGE_SIZE = 1_000;

const REPLAY_PARAMETERS = {
  attribute: matching(NAME, 'must be an attribute name'),
  hours: wholeNumber(1, 48, 24),
};

/** The time slider's data: each entity's hourly average, aligned on `steps`. */
export interface ReplayAnswer {
  attribute: string;
  period: typeof REPLAY_PERIOD;
  /** Start of each hour, oldest first. */
  steps: string[];
  /** Entity id → one value (or null) per step. */
  values: Record<string, (number | null)[]>;
  fetchedAt: string;
}

/**
 * GET /api/data/layers/{layerId}/replay?attribute=&hours=: hourly averages of one attribute of
 * every entity of the layer over the last hours, for the time slider.
 * @example return layerReplay(context, params.layerId, url.searchParams);
 */
export async function layerReplay(
  context: DataContext,
  layerId: string,
  search: URLSearchParams,
  now: () => Date = () => new Date(),
): Promise<Response> {
  return temporalLayerRoute<{ attribute: string; hours: number }>(
    context,
    layerId,
    search,
    REPLAY_PARAMETERS,
    'replay',
    (layer, { attribute, hours }) => readReplay(layer, attribute, hours, now()),
  );
}

async function readReplay(
  layer: ResolvedLayer,
  attribute: string,
  hours: number,
  now: Date,
): Promise<ReplayAnswer> {
  const end = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  const start = end - (hours - 1) * HOUR_MS;
  const steps = Array.from({ length: hours }, (_, n) =>
    new Date(start + n * HOUR_MS).toISOString(),
  );
  const index = new Map(steps.map((step, n) => [step, n]));
  const { config } = layer;
  const query = {
    type: config.entityType,
    ...(config.q !== undefined && { q: config.q }),
    attrs: attribute,
    options: 'aggregatedValues',
    aggrMethods: 'avg',
    aggrPeriodDuration: REPLAY_PERIOD,
    timerel: 'after',
    timeAt: steps[0] as string,
    limit: String(PAGE_SIZE),
  };
  const values: Record<string, (number | null)[]> = {};
  for (let offset = 0; ; offset += PAGE_SIZE) {
    const { body, count } = await temporalRequest(config.broker, {
      ...query,
      offset: String(offset),
      ...(offset === 0 && { count: 'true' }),
    });
    if (count !== undefined && count > MAX_REPLAY_ENTITIES) {
      throw new ProxyError(
        'InvalidRequest',
        `The time slider handles layers of at most ${MAX_REPLAY_ENTITIES} entities; this one has ${count}`,
      );
    }
    const entities = Array.isArray(body) ? body : [];
    for (const entity of entities) {
      const id = (entity as { id?: unknown }).id;
      if (typeof id !== 'string') continue;
      const row: (number | null)[] = steps.map(() => null);
      for (const [periodStart, value] of aggregatedSeries(entity, attribute, 'avg')) {
        const at = index.get(periodStart);
        if (at !== undefined) row[at] = value;
      }
      values[id] = row;
    }
    if (entities.length < PAGE_SIZE || offset + PAGE_SIZE >= MAX_REPLAY_ENTITIES) break;
  }
  return { attribute, period: REPLAY_PERIOD, steps, values, fetchedAt: now.toISOString() };
}
