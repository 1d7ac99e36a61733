import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import {
  HTTP_DURATION_BUCKETS,
  recordHttpRequest,
  trackInFlight,
  type HttpInstruments,
  type HttpRequestSample,
} from './http-metrics.js';
import { assertMetricRules, metricName, type MetricKind } from './metric-rules.js';

export interface MetricsOptions {
  /** `legocity_<component>`; every metric name, default ones included, starts with it. */
  prefix: string;
  /** Process CPU, memory, event-loop lag, GC; default true. */
  collectDefaultMetrics?: boolean;
  /** Told when a gauge's collect callback fails; the scrape still succeeds without it. */
  onCollectError?: (metric: string, error: unknown) => void;
}

export interface InstrumentOptions<L extends string> {
  /** Name without the prefix, e.g. `entities` → `legocity_broker_entities`. */
  name: string;
  help: string;
  labelNames?: readonly L[];
}

export interface GaugeOptions<L extends string> extends InstrumentOptions<L> {
  /** Sets the gauge's values just before each scrape (e.g. entity counts from the database). */
  collect?: (gauge: Gauge<L>) => void | Promise<void>;
}

export interface HistogramOptions<L extends string> extends InstrumentOptions<L> {
  buckets?: readonly number[];
}

export interface Metrics {
  readonly registry: Registry;
  readonly http: HttpInstruments;
  observeHttpRequest(sample: HttpRequestSample): void;
  startHttpRequest(): () => void;
  counter<L extends string = never>(options: InstrumentOptions<L>): Counter<L>;
  gauge<L extends string = never>(options: GaugeOptions<L>): Gauge<L>;
  histogram<L extends string = never>(options: HistogramOptions<L>): Histogram<L>;
  render(): Promise<{ contentType: string; body: string }>;
}

/**
 * A Prometheus registry of one process's metrics, with HTTP instruments ready. Never the global
 * default registry, so several servers (or tests) in one process do not collide.
 * @example
 * const metrics = createMetrics({ prefix: 'legocity_broker' });
 * metrics.gauge({ name: 'entities', help: 'Entities stored', labelNames: ['tenant', 'type'],
 *   collect: async (gauge) => { gauge.reset(); for (const row of await countEntities()) gauge.set(row, row.count); } });
 * app.get('/metrics', async (_req, reply) => { const { contentType, body } = await metrics.render(); reply.type(contentType).send(body); });
 */
export function createMetrics(options: MetricsOptions): Metrics {
  const registry = new Registry();
  const named = (kind: MetricKind, name: string, labelNames: readonly string[] = []): string => {
    const fullName = metricName(options.prefix, name);
    assertMetricRules(kind, fullName, labelNames);
    return fullName;
  };
  if (options.collectDefaultMetrics !== false) {
    collectDefaultMetrics({ register: registry, prefix: metricName(options.prefix, '') });
  }

  const collectErrors = new Counter({
    name: named('counter', 'metrics_collect_errors_total'),
    help: 'Collect callbacks that failed during a scrape, by metric.',
    labelNames: ['metric'],
    registers: [registry],
  });

  const counter = <L extends string>(o: InstrumentOptions<L>): Counter<L> =>
    new Counter<L>({ ...o, name: named('counter', o.name, o.labelNames), registers: [registry] });

  const gauge = <L extends string>({ collect, ...o }: GaugeOptions<L>): Gauge<L> => {
    const name = named('gauge', o.name, o.labelNames);
    const instrument: Gauge<L> = new Gauge<L>({
      ...o,
      name,
      registers: [registry],
      // A failing database query must not fail the whole scrape: the other metrics (and `up`)
      // still report, and the failure shows as metrics_collect_errors_total (from the next
      // scrape on, since a scrape reads every metric concurrently).
      collect:
        collect &&
        (async () => {
          try {
            await collect(instrument);
          } catch (error) {
            collectErrors.inc({ metric: name });
            options.onCollectError?.(name, error);
          }
        }),
    });
    return instrument;
  };

  const histogram = <L extends string>({ buckets, ...o }: HistogramOptions<L>): Histogram<L> =>
    new Histogram<L>({
      ...o,
      name: named('histogram', o.name, o.labelNames),
      registers: [registry],
      ...(buckets && { buckets: [...buckets] }),
    });

  const http: HttpInstruments = {
    requestsTotal: counter({
      name: 'http_requests_total',
      help: 'HTTP requests answered, by method, route template and status code.',
      labelNames: ['method', 'route', 'status'],
    }),
    requestDuration: histogram({
      name: 'http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by method and route template.',
      labelNames: ['method', 'route'],
      buckets: HTTP_DURATION_BUCKETS,
    }),
    requestsInFlight: gauge({
      name: 'http_requests_in_flight',
      help: 'HTTP requests being answered now.',
    }),
  };

  return {
    registry,
    http,
    observeHttpRequest: (sample) => recordHttpRequest(http, sample),
    startHttpRequest: () => trackInFlight(http),
    counter,
    gauge,
    histogram,
    render: async () => ({ contentType: registry.contentType, body: await registry.metrics() }),
  };
}
