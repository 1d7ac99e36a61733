import type { DataAge, HistoryAnswer, LayerFeature, LayerPage, ReplayAnswer } from './map-types.js';

/** Statuses meaning the broker behind the proxy could not be reached or did not answer. */
const UNREACHABLE_STATUSES: ReadonlySet<number> = new Set([502, 503, 504]);
/** A layer is never paged past this many pages (the proxy sends up to 10 000 features each). */
export const MAX_PAGES = 100;

/** A failed read-proxy request: the status (0 for a network failure) and the problem title. */
export class DataRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'DataRequestError';
  }

  /** True when the data source is down or out of reach, as opposed to a bad request. */
  get isUnreachable(): boolean {
    return this.status === 0 || UNREACHABLE_STATUSES.has(this.status);
  }
}

/** The fetch function used (injected in tests). */
export type Fetch = (url: string, init?: { signal?: AbortSignal }) => Promise<Response>;

/**
 * GETs a read-proxy URL as JSON. A network failure becomes a DataRequestError with status 0;
 * an error answer one with its status and the ProblemDetails title when there is one.
 * @example const page = await getJson<LayerPage>(fetch, '/api/data/layers/abc?page=0');
 */
export async function getJson<T>(fetchFn: Fetch, url: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetchFn(url, signal ? { signal } : undefined);
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new DataRequestError(0, `Request to ${url} failed: network error`);
  }
  if (!response.ok) {
    let title = response.statusText;
    try {
      const problem = (await response.json()) as { title?: unknown };
      if (typeof problem.title === 'string') title = problem.title;
    } catch {
      // not JSON: keep the status text
    }
    throw new DataRequestError(
      response.status,
      `Request to ${url} failed: ${response.status} ${title}`,
    );
  }
  return (await response.json()) as T;
}

/** Everything one load of a layer gave. */
export interface LayerLoad {
  features: LayerFeature[];
  isAggregated: boolean;
  total: number;
  dataAge: DataAge;
}

/** URL of one page of a layer, optionally only what changed since an ISO time. */
export function layerUrl(layerId: string, page: number, since?: string): string {
  const params = new URLSearchParams({ page: String(page) });
  if (since) params.set('since', since);
  return `/api/data/layers/${encodeURIComponent(layerId)}?${params.toString()}`;
}

/**
 * Loads every page of a layer (endpoint 1), following `nextPage` until it is null.
 * @param since - only entities changed after this time (incremental refresh)
 * @example const { features } = await loadLayer(fetch, layer.id);
 */
export async function loadLayer(
  fetchFn: Fetch,
  layerId: string,
  options: { since?: string; signal?: AbortSignal } = {},
): Promise<LayerLoad> {
  const features: LayerFeature[] = [];
  let page: number | null = 0;
  let last: LayerPage | undefined;
  for (let count = 0; page !== null && count < MAX_PAGES; count++) {
    last = await getJson<LayerPage>(
      fetchFn,
      layerUrl(layerId, page, options.since),
      options.signal,
    );
    features.push(...(Array.isArray(last.features) ? last.features : []));
    page = typeof last.nextPage === 'number' && last.nextPage > page ? last.nextPage : null;
  }
  return {
    features,
    isAggregated: last?.aggregated === true,
    total: last?.total ?? features.length,
    dataAge: last?.dataAge ?? { fetchedAt: new Date().toISOString() },
  };
}

/**
 * History of one attribute of one entity (endpoint 3), 24 h by default.
 * @example await loadHistory(fetch, layer.id, entityId, 'pm25')
 */
export function loadHistory(
  fetchFn: Fetch,
  layerId: string,
  entityId: string,
  attribute: string,
  signal?: AbortSignal,
): Promise<HistoryAnswer> {
  const params = new URLSearchParams({ entity: entityId, attribute, hours: '24' });
  return getJson(
    fetchFn,
    `/api/data/layers/${encodeURIComponent(layerId)}/history?${params.toString()}`,
    signal,
  );
}

/**
 * Hourly values of every entity of a layer over the last 24 h (endpoint 4).
 * @example await loadReplay(fetch, layer.id, 'occupancy')
 */
export function loadReplay(
  fetchFn: Fetch,
  layerId: string,
  attribute: string,
  signal?: AbortSignal,
): Promise<ReplayAnswer> {
  const params = new URLSearchParams({ attribute, hours: '24' });
  return getJson(
    fetchFn,
    `/api/data/layers/${encodeURIComponent(layerId)}/replay?${params.toString()}`,
    signal,
  );
}

/** URL of a layer's live stream (endpoint 2). */
export function liveUrl(layerId: string): string {
  return `/api/data/layers/${encodeURIComponent(layerId)}/live`;
}
