import { laterTime } from './data-age.js';
import { newestModifiedAt } from './feature-store.js';
import { DataRequestError, liveUrl, loadLayer, type Fetch, type LayerLoad } from './layer-api.js';
import type { LayerFeature, LiveUpdate, MapLayerView } from './map-types.js';

/** Poll period of a live layer whose stream failed. */
export const LIVE_FALLBACK_POLL_SECONDS = 5;
/** After a stream failure, the live stream is tried again after this long. */
export const LIVE_RETRY_SECONDS = 60;
/**
 * While the stream is open, a live layer still asks for changes this often: it catches updates
 * the stream missed and notices when the broker behind the proxy is down.
 */
export const LIVE_CHECK_SECONDS = 60;
/** Aggregated layers are reloaded whole this often when they are live. */
export const AGGREGATED_LIVE_RELOAD_SECONDS = 30;

/** What the sync reports to its owner. */
export interface SyncHandlers {
  /** New data: the whole layer (`isFullLoad`) or changed entities to merge by id. */
  onData: (data: {
    features: LayerFeature[];
    isFullLoad: boolean;
    isAggregated: boolean;
    total?: number;
    newestChangeAt?: string;
  }) => void;
  /** A request failed; the data shown so far stays. */
  onError: (error: DataRequestError) => void;
  /** How updates arrive now. */
  onMode?: (mode: 'live' | 'polling') => void;
}

/** The smallest EventSource this needs (the browser's, or a fake in tests). */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: { data?: unknown }) => void): void;
  close(): void;
  onerror: ((event: unknown) => void) | null;
}

/** Browser facilities, injected so tests need no browser and no real time. */
export interface SyncDeps {
  fetch: Fetch;
  openEventSource?: (url: string) => EventSourceLike;
  /** Runs fn after ms; returns a cancel function. */
  setTimer: (fn: () => void, ms: number) => () => void;
}

function asRequestError(error: unknown): DataRequestError {
  return error instanceof DataRequestError
    ? error
    : new DataRequestError(0, error instanceof Error ? error.message : String(error));
}

function parseUpdate(data: unknown): LiveUpdate | undefined {
  if (typeof data !== 'string') return undefined;
  try {
    const update = JSON.parse(data) as LiveUpdate;
    return Array.isArray(update.features) ? update : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Keeps one layer's data current: loads every page, then follows changes — a live layer through
 * its server-sent events (endpoint 2), falling back to polling with `since=` when the stream
 * fails or answers 503; an interval layer by polling every `refreshSeconds` with `since=`.
 * Aggregated layers are reloaded whole. Failures are reported and retried, never thrown.
 *
 * @returns a function that stops every timer and stream
 * @example const stop = syncLayer(layer, handlers, { fetch, setTimer, openEventSource });
 */
export function syncLayer(layer: MapLayerView, handlers: SyncHandlers, deps: SyncDeps): () => void {
  let isStopped = false;
  let since: string | undefined;
  let isAggregated = false;
  let cancelTimer: () => void = () => {};
  let cancelRetry: () => void = () => {};
  let stream: EventSourceLike | undefined;
  const controller = new AbortController();

  const schedule = (seconds: number, fn: () => Promise<void> | void) => {
    cancelTimer();
    cancelTimer = deps.setTimer(() => void fn(), seconds * 1000);
  };

  const load = async (isFullLoad: boolean): Promise<boolean> => {
    try {
      const result: LayerLoad = await loadLayer(deps.fetch, layer.id, {
        since: isFullLoad ? undefined : since,
        signal: controller.signal,
      });
      if (isStopped) return false;
      isAggregated = result.isAggregated;
      since = laterTime(since, result.dataAge.newestChangeAt ?? result.dataAge.fetchedAt);
      handlers.onData({
        features: result.features,
        isFullLoad,
        isAggregated: result.isAggregated,
        total: result.total,
        newestChangeAt: result.dataAge.newestChangeAt,
      });
      return true;
    } catch (error) {
      if (!isStopped) handlers.onError(asRequestError(error));
      return false;
    }
  };

  const periodSeconds = () =>
    layer.refresh === 'live'
      ? isAggregated
        ? AGGREGATED_LIVE_RELOAD_SECONDS
        : LIVE_FALLBACK_POLL_SECONDS
      : Math.max(5, layer.refreshSeconds);

  const poll = async () => {
    if (isStopped) return;
    await load(isAggregated || since === undefined);
    if (!isStopped) schedule(periodSeconds(), poll);
  };

  const startPolling = () => {
    handlers.onMode?.('polling');
    schedule(periodSeconds(), poll);
  };

  const openStream = () => {
    if (isStopped || !deps.openEventSource) return startPolling();
    cancelTimer();
    const source = deps.openEventSource(liveUrl(layer.id));
    stream = source;
    const check = async () => {
      await load(false);
      if (!isStopped && stream === source) schedule(LIVE_CHECK_SECONDS, check);
    };
    source.addEventListener('open', () => {
      handlers.onMode?.('live');
      void check(); // catch up on what changed before the stream opened
    });
    source.addEventListener('update', (event) => {
      const update = parseUpdate(event.data);
      if (!update || isStopped) return;
      since = laterTime(since, newestModifiedAt(update.features));
      handlers.onData({
        features: update.features,
        isFullLoad: false,
        isAggregated: false,
      });
    });
    source.onerror = () => {
      source.close();
      if (stream !== source || isStopped) return;
      stream = undefined;
      startPolling();
      cancelRetry();
      cancelRetry = deps.setTimer(openStream, LIVE_RETRY_SECONDS * 1000);
    };
  };

  const start = async () => {
    const isLoaded = await load(true);
    if (isStopped) return;
    if (!isLoaded) return schedule(periodSeconds(), start);
    if (layer.refresh === 'live' && !isAggregated) openStream();
    else startPolling();
  };

  void start();
  return () => {
    isStopped = true;
    cancelTimer();
    cancelRetry();
    controller.abort();
    stream?.close();
    stream = undefined;
  };
}
