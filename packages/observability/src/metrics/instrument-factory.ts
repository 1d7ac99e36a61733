import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { assertMetricRules, metricName, type MetricKind } from './metric-rules.js';

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

export interface InstrumentFactory {
  counter<L extends string = never>(options: InstrumentOptions<L>): Counter<L>;
  gauge<L extends string = never>(options: GaugeOptions<L>): Gauge<L>;
  histogram<L extends string = never>(options: HistogramOptions<L>): Histogram<L>;
}

export interface InstrumentFactoryOptions {
  registry: Registry;
  prefix: string;
  onCollectError?: ((metric: string, error: unknown) => void) | undefined;
}

/**
 * Makes counters, gauges and histograms in one registry, prefixed and checked against the naming
 * rules. Also registers `<prefix>_metrics_collect_errors_total`.
 * @example createInstrumentFactory({ registry, prefix: 'legocity_broker' }).counter({ name: 'x_total', help: 'X.' })
 */
export function createInstrumentFactory(options: InstrumentFactoryOptions): InstrumentFactory {
  const registers = [options.registry];
  const named = (kind: MetricKind, name: string, labelNames: readonly string[] = []): string => {
    const fullName = metricName(options.prefix, name);
    assertMetricRules(kind, fullName, labelNames);
    return fullName;
  };

  const counter = <L extends string>(o: InstrumentOptions<L>): Counter<L> =>
    new Counter<L>({ ...o, name: named('counter', o.name, o.labelNames), registers });

  const collectErrors = counter({
    name: 'metrics_collect_errors_total',
    help: 'Collect callbacks that failed during a scrape, by metric.',
    labelNames: ['metric'],
  });

  const gauge = <L extends string>({ collect, ...o }: GaugeOptions<L>): Gauge<L> => {
    const name = named('gauge', o.name, o.labelNames);
    const instrument: Gauge<L> = new Gauge<L>({
      ...o,
      name,
      registers,
      // A failing database query must not fail the whole scrape: the other metrics still
      // report, and the failure shows in metrics_collect_errors_total (from the next scrape on,
      // since a scrape reads every metric concurrently).
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
      registers,
      ...(buckets && { buckets: [...buckets] }),
    });

  return { counter, gauge, histogram };
}
