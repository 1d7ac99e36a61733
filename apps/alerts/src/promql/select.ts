import type { SampleHistory, StoredSeries } from '../history/sample-history.js';
import { withoutName, type Labels } from '../history/labels.js';
import type { Matcher, Matrix, Vector } from './types.js';

/** How far back an instant selector looks for a sample: Prometheus's default, 5 minutes. */
export const LOOKBACK_MS = 5 * 60_000;

/**
 * Whether labels satisfy every matcher. As in PromQL, `label=""` matches a missing label and
 * regular expressions are anchored at both ends.
 * @example matchesAll({ status: '503' }, [{ label: 'status', op: '=~', value: '5..' }]) // true
 */
export function matchesAll(labels: Labels, matchers: readonly Matcher[]): boolean {
  return matchers.every((matcher) => {
    const value = labels[matcher.label] ?? '';
    return matcher.op === '='
      ? value === matcher.value
      : new RegExp(`^(?:${matcher.value})$`).test(value);
  });
}

/**
 * An instant selector (`metric{…} offset o`) at `atMs`: per series, the newest sample in
 * (at − 5 min, at], unless that sample is a staleness marker (the series vanished).
 * @example selectInstant(history, 'up', [], Date.now())
 */
export function selectInstant(
  history: SampleHistory,
  metric: string,
  matchers: readonly Matcher[],
  atMs: number,
): Vector {
  const elements: { labels: Labels; value: number }[] = [];
  for (const series of matching(history, metric, matchers)) {
    const index = lastIndexAtOrBefore(series.times, atMs);
    const time = series.times[index];
    const value = series.values[index];
    if (time === undefined || time <= atMs - LOOKBACK_MS || value === null || value === undefined)
      continue;
    elements.push({ labels: withoutName(series.labels), value });
  }
  return elements;
}

/**
 * A range selector (`metric{…}[range] offset o`) ending at `endMs`: samples in (end − range, end],
 * staleness markers left out (Prometheus 3 semantics: the start is excluded).
 * @example selectRange(history, 'legocity_broker_http_requests_total', [], 300_000, Date.now())
 */
export function selectRange(
  history: SampleHistory,
  metric: string,
  matchers: readonly Matcher[],
  rangeMs: number,
  endMs: number,
): Matrix {
  const startMs = endMs - rangeMs;
  const series: Matrix['series'][number][] = [];
  for (const stored of matching(history, metric, matchers)) {
    const times: number[] = [];
    const values: number[] = [];
    for (let i = lastIndexAtOrBefore(stored.times, startMs) + 1; i < stored.times.length; i += 1) {
      const time = stored.times[i] ?? 0;
      if (time > endMs) break;
      const value = stored.values[i];
      if (value === null || value === undefined) continue;
      times.push(time);
      values.push(value);
    }
    if (times.length > 0) series.push({ labels: withoutName(stored.labels), times, values });
  }
  return { startMs, endMs, rangeMs, series };
}

function matching(history: SampleHistory, metric: string, matchers: readonly Matcher[]) {
  return history.series(metric).filter((series) => matchesAll(series.labels, matchers));
}

/** Index of the last time ≤ at (binary search), −1 when none. */
function lastIndexAtOrBefore(times: StoredSeries['times'], atMs: number): number {
  let low = 0;
  let high = times.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((times[middle] ?? Infinity) <= atMs) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}
