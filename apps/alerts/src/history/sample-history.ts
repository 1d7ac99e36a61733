import { METRIC_NAME, labelsKey, type Labels } from './labels.js';

/** How long one metric's series are kept, and how much of that at full resolution. */
export interface MetricRetention {
  keepMs: number;
  /** Newer samples are kept as scraped; older ones are thinned to one per downsample step. */
  fullResolutionMs: number;
}

export interface StoredSeries {
  readonly key: string;
  readonly labels: Labels;
  /** Sample times (ms), ascending. */
  readonly times: number[];
  /** Values; `null` is a staleness marker (the series vanished from its target). */
  readonly values: (number | null)[];
}

type CompactedSeries = StoredSeries & { compactedUntil: number };

export interface SampleHistoryOptions {
  /** Metrics to keep, by name; samples of other metrics are ignored (no rule reads them). */
  retention: ReadonlyMap<string, MetricRetention>;
  /** Default one minute: well inside PromQL's 5-minute lookback, so instant lookups still hit. */
  downsampleStepMs?: number;
}

/**
 * The recent samples of the series the rules read, in memory. Bounded: each metric keeps only
 * the window its rules look at, and samples older than the rules' range windows are thinned to
 * one per step, so 25 hours of an entity count are ~1,500 samples, not 6,000.
 * @example
 * const history = new SampleHistory({ retention: new Map([['up', { keepMs: 600_000, fullResolutionMs: 600_000 }]]) });
 * history.append({ __name__: 'up', job: 'legocity-broker' }, Date.now(), 1);
 */
export class SampleHistory {
  private readonly byName = new Map<string, Map<string, CompactedSeries>>();
  private readonly stepMs: number;

  constructor(private readonly options: SampleHistoryOptions) {
    this.stepMs = options.downsampleStepMs ?? 60_000;
  }

  /** Whether samples of this metric are kept at all. */
  keeps(metric: string): boolean {
    return this.options.retention.has(metric);
  }

  /** Adds a sample; ignored for metrics no rule reads, and when not newer than the last one. */
  append(labels: Labels, timeMs: number, value: number | null): void {
    const name = labels[METRIC_NAME];
    if (name === undefined || !this.keeps(name)) return;
    let series = this.byName.get(name);
    if (!series) this.byName.set(name, (series = new Map<string, CompactedSeries>()));
    const key = labelsKey(labels);
    let stored = series.get(key);
    if (!stored) {
      if (value === null) return;
      stored = { key, labels, times: [], values: [], compactedUntil: -Infinity };
      series.set(key, stored);
    }
    const last = stored.times.at(-1);
    if (last !== undefined && timeMs <= last) return;
    // One staleness marker is enough: a series already stale stays stale.
    if (value === null && stored.values.at(-1) === null) return;
    stored.times.push(timeMs);
    stored.values.push(value);
  }

  /** Every stored series of a metric. */
  series(metric: string): readonly StoredSeries[] {
    return [...(this.byName.get(metric)?.values() ?? [])];
  }

  /** Drops samples past their metric's window and thins the old ones; run once per evaluation. */
  compact(nowMs: number): void {
    for (const [name, series] of this.byName) {
      const retention = this.options.retention.get(name);
      if (!retention) continue;
      for (const [key, stored] of series) {
        dropBefore(stored, nowMs - retention.keepMs);
        const thinUntil = nowMs - retention.fullResolutionMs;
        if (thinUntil - stored.compactedUntil >= this.stepMs) {
          thin(stored, thinUntil, this.stepMs);
          stored.compactedUntil = thinUntil;
        }
        if (stored.times.length === 0 || stored.values.every((value) => value === null)) {
          series.delete(key);
        }
      }
      if (series.size === 0) this.byName.delete(name);
    }
  }

  /** Series and samples held now (for the history size gauges). */
  size(): { series: number; samples: number } {
    let seriesCount = 0;
    let samples = 0;
    for (const series of this.byName.values()) {
      seriesCount += series.size;
      for (const stored of series.values()) samples += stored.times.length;
    }
    return { series: seriesCount, samples };
  }
}

function dropBefore(stored: StoredSeries, limitMs: number): void {
  let count = 0;
  while (count < stored.times.length && (stored.times[count] ?? 0) < limitMs) count += 1;
  if (count > 0) {
    stored.times.splice(0, count);
    stored.values.splice(0, count);
  }
}

/** Keeps the last sample of each step-long bucket before `untilMs` (idempotent). */
function thin(stored: StoredSeries, untilMs: number, stepMs: number): void {
  const times: number[] = [];
  const values: (number | null)[] = [];
  for (let i = 0; i < stored.times.length; i += 1) {
    const time = stored.times[i] ?? 0;
    const next = stored.times[i + 1];
    const isOld = time < untilMs;
    const isLastOfBucket =
      next === undefined ||
      next >= untilMs ||
      Math.floor(next / stepMs) !== Math.floor(time / stepMs);
    if (!isOld || isLastOfBucket) {
      times.push(time);
      values.push(stored.values[i] ?? null);
    }
  }
  stored.times.splice(0, stored.times.length, ...times);
  stored.values.splice(0, stored.values.length, ...values);
}
