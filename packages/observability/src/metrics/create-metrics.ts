import { Registry, collectDefaultMetrics } from 'prom-client';
import {
  HTTP_DURATION_BUCKETS,
  recordHttpRequest,
  trackInFlight,
  type HttpInstruments,
  type HttpRequestSample,
} from './http-metrics.js';
import { createInstrumentFactory, type InstrumentFactory } from './instrument-factory.js';
import { metricName } from './metric-rules.js';

export interface MetricsOptions {
  /** `legocity_<component>`; every metric name, default ones included, starts with it. */
  prefix: string;
  /** Process CPU, memory, event-loop lag, GC; default true. */
  collectDefaultMetrics?: boolean;
  /** Told when a gauge's collect callback fails; the scrape still succeeds without it. */
  onCollectError?: (metric: string, error: unknown) => void;
}

export interface Metrics extends InstrumentFactory {
  readonly registry: Registry;
  readonly http: HttpInstruments;
  /** Records a finished request (framework-neutral: call it from the app's response hook). */
  observeHttpRequest(sample: HttpRequestSample): void;
  /** Counts a request in flight; call the returned function when it ends. */
  startHttpRequest(): () => void;
  /** The body and content type of `GET /metrics`. */
  render(): Promise<{ contentType: string; body: string }>;
}

/**
 * A Prometheus registry of one process's metrics, with HTTP instruments ready. Never the global
 * default registry, so several servers (or tests) in one process do not collide.
 * @example
 * const metrics = createMetrics({ prefix: 'legocity_broker' });
 * metrics.observeHttpRequest({ method: 'GET', route: '/ngsi-ld/v1/entities/:entityId', status: 200, durationSeconds: 0.004 });
 * const { contentType, body } = await metrics.render();
 */
export function createMetrics(options: MetricsOptions): Metrics {
  const registry = new Registry();
  if (options.collectDefaultMetrics !== false) {
    collectDefaultMetrics({ register: registry, prefix: metricName(options.prefix, '') });
  }
  const instruments = createInstrumentFactory({
    registry,
    prefix: options.prefix,
    onCollectError: options.onCollectError,
  });

  const http: HttpInstruments = {
    requestsTotal: instruments.counter({
      name: 'http_requests_total',
      help: 'HTTP requests answered, by method, route template and status code.',
      labelNames: ['method', 'route', 'status'],
    }),
    requestDuration: instruments.histogram({
      name: 'http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by method and route template.',
      labelNames: ['method', 'route'],
      buckets: HTTP_DURATION_BUCKETS,
    }),
    requestsInFlight: instruments.gauge({
      name: 'http_requests_in_flight',
      help: 'HTTP requests being answered now.',
    }),
  };

  return {
    ...instruments,
    registry,
    http,
    observeHttpRequest: (sample) => recordHttpRequest(http, sample),
    startHttpRequest: () => trackInFlight(http),
    render: async () => ({ contentType: registry.contentType, body: await registry.metrics() }),
  };
}
