import type { Counter, Gauge, Histogram } from 'prom-client';

/** One finished HTTP request, as the app's framework hook reports it. */
export interface HttpRequestSample {
  method: string;
  /** The route template (`/ngsi-ld/v1/entities/:entityId`), never the raw URL; '' when unmatched. */
  route: string;
  status: number;
  durationSeconds: number;
}

/** Request latencies from 1 ms to 5 s: NGSI-LD reads sit at the low end, batch upserts high. */
export const HTTP_DURATION_BUCKETS: readonly number[] = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5,
];

// Anything else becomes OTHER, so a scanner sending random verbs cannot add time series.
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

export interface HttpInstruments {
  requestsTotal: Counter<'method' | 'route' | 'status'>;
  requestDuration: Histogram<'method' | 'route'>;
  requestsInFlight: Gauge;
}

/**
 * Records a finished request on the counter and the latency histogram.
 * @example recordHttpRequest(instruments, { method: 'GET', route: '/health', status: 200, durationSeconds: 0.002 })
 */
export function recordHttpRequest(instruments: HttpInstruments, sample: HttpRequestSample): void {
  const method = normalizeMethod(sample.method);
  const route = sample.route === '' ? 'unmatched' : sample.route;
  instruments.requestsTotal.inc({ method, route, status: String(sample.status) });
  instruments.requestDuration.observe({ method, route }, Math.max(0, sample.durationSeconds));
}

/**
 * Counts a request as in flight until the returned function is called (extra calls are ignored,
 * so an error path and a finally block may both call it).
 * @example const done = trackInFlight(instruments); try { … } finally { done(); }
 */
export function trackInFlight(instruments: HttpInstruments): () => void {
  instruments.requestsInFlight.inc();
  let isDone = false;
  return () => {
    if (isDone) return;
    isDone = true;
    instruments.requestsInFlight.dec();
  };
}

function normalizeMethod(method: string): string {
  const upper = method.toUpperCase();
  return KNOWN_METHODS.has(upper) ? upper : 'OTHER';
}
