import type { InstrumentFactory } from '@legocity/observability';
import type { UpdaterError } from './errors.js';
import type { SourceReport } from './source-report.js';

/** The Prometheus instruments of an update server; gauges read the source reports at scrape. */
export interface UpdaterMetrics {
  /** Count entities by outcome: created, updated, unchanged, rejected. */
  countEntities(
    sourceId: string,
    outcome: 'created' | 'updated' | 'unchanged' | 'rejected',
    n: number,
  ): void;
  countError(sourceId: string, error: UpdaterError): void;
  observeRun(sourceId: string, durationMs: number): void;
  /** Where the gauges read from; createUpdater calls it. */
  readReports(read: () => SourceReport[]): void;
}

const STATES = ['fresh', 'late', 'down'] as const;
/** A run takes from milliseconds (a small JSON API) to minutes (a large open-data file). */
const RUN_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

/**
 * Registers, under the factory's prefix (`legocity_updaters` by convention):
 * `source_last_success_timestamp_seconds{source}`, `entities_written_total{source,outcome}`,
 * `errors_total{source,kind,class}` (class = retryable | permanent),
 * `source_staleness{source,state}` (1 for the current state), `outbox_pending_entities{source}`,
 * `outbox_oldest_age_seconds{source}` and `run_duration_seconds{source}`.
 * @example
 * const metrics = createMetrics({ prefix: 'legocity_updaters' });
 * const updaterMetrics = createUpdaterMetrics(metrics);
 */
export function createUpdaterMetrics(factory: InstrumentFactory): UpdaterMetrics {
  let read: () => SourceReport[] = () => [];
  const entities = factory.counter({
    name: 'entities_written_total',
    help: 'Entities handled per source, by outcome: created, updated (broker), unchanged (dropped as replays), rejected (contract or broker).',
    labelNames: ['source', 'outcome'],
  });
  const errors = factory.counter({
    name: 'errors_total',
    help: 'Errors per source, by kind (http-5xx, timeout, contract…) and class (retryable, permanent).',
    labelNames: ['source', 'kind', 'class'],
  });
  const runDuration = factory.histogram({
    name: 'run_duration_seconds',
    help: 'Time a polled source takes to fetch, transform, validate and queue.',
    labelNames: ['source'],
    buckets: RUN_BUCKETS,
  });
  factory.gauge({
    name: 'source_last_success_timestamp_seconds',
    help: 'Unix time of the last successful run (polled) or write (stream) per source; absent before the first.',
    labelNames: ['source'],
    collect(gauge) {
      gauge.reset();
      for (const report of read()) {
        if (report.lastSuccessAt)
          gauge.set({ source: report.id }, Date.parse(report.lastSuccessAt) / 1000);
      }
    },
  });
  factory.gauge({
    name: 'source_staleness',
    help: 'Staleness per source: 1 for the current state (fresh, late or down), 0 for the others.',
    labelNames: ['source', 'state'],
    collect(gauge) {
      for (const report of read()) {
        for (const state of STATES)
          gauge.set({ source: report.id, state }, report.staleness === state ? 1 : 0);
      }
    },
  });
  factory.gauge({
    name: 'outbox_pending_entities',
    help: 'Entities stored in the outbox and not yet accepted by the broker, per source.',
    labelNames: ['source'],
    collect(gauge) {
      for (const report of read()) gauge.set({ source: report.id }, report.outbox.pending);
    },
  });
  factory.gauge({
    name: 'outbox_oldest_age_seconds',
    help: 'Age of the oldest entity waiting in the outbox, per source (0 when empty).',
    labelNames: ['source'],
    collect(gauge) {
      for (const report of read())
        gauge.set({ source: report.id }, report.outbox.oldestAgeMs / 1000);
    },
  });

  return {
    countEntities(source, outcome, n) {
      if (n > 0) entities.inc({ source, outcome }, n);
    },
    countError(source, error) {
      errors.inc({
        source,
        kind: error.kind,
        class: error.isRetryable ? 'retryable' : 'permanent',
      });
    },
    observeRun(source, durationMs) {
      runDuration.observe({ source }, durationMs / 1000);
    },
    readReports(next) {
      read = next;
      // A refused key shows as errors_total{kind="auth"}: start that series at 0 for every source
      // so increase() sees the first refusal too (LegoCityUpdateSourceKeyRefused fires a retry
      // sooner than if the series were born at 1).
      for (const report of next())
        errors.inc({ source: report.id, kind: 'auth', class: 'permanent' }, 0);
    },
  };
}
