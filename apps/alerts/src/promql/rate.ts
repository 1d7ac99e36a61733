import type { Matrix, Vector } from './types.js';

/**
 * `rate(m[range])`: the per-second increase of each counter over the range, with Prometheus's
 * extrapolation to the range's edges and counter-reset handling (promql/functions.go,
 * extrapolatedRate). A series with fewer than two samples in the range gives no element.
 * @example rate(query.matrix('legocity_broker_http_requests_total', {}, '5m'))
 */
export function rate(matrix: Matrix): Vector {
  return extrapolated(matrix, true);
}

/**
 * `increase(m[range])`: rate × range seconds, so a fractional value is normal.
 * @example increase(query.matrix('legocity_updaters_errors_total', {}, '5m'))
 */
export function increase(matrix: Matrix): Vector {
  return extrapolated(matrix, false);
}

function extrapolated(matrix: Matrix, isRate: boolean): Vector {
  const result: { labels: Matrix['series'][number]['labels']; value: number }[] = [];
  for (const { labels, times, values } of matrix.series) {
    const count = times.length;
    const firstTime = times[0];
    const lastTime = times[count - 1];
    const firstValue = values[0];
    const lastValue = values[count - 1];
    if (count < 2 || firstTime === undefined || lastTime === undefined) continue;
    if (firstValue === undefined || lastValue === undefined) continue;

    let delta = lastValue - firstValue;
    let previous = firstValue;
    for (const value of values.slice(1)) {
      // A counter that went down was reset (process restart): count what it had reached.
      if (value < previous) delta += previous;
      previous = value;
    }

    const sampledSeconds = (lastTime - firstTime) / 1000;
    const averageGap = sampledSeconds / (count - 1);
    const threshold = averageGap * 1.1;
    let toStart = (firstTime - matrix.startMs) / 1000;
    let toEnd = (matrix.endMs - lastTime) / 1000;
    if (toStart >= threshold) toStart = averageGap / 2;
    // A counter cannot go below zero: do not extrapolate past the time it would have been 0.
    if (delta > 0 && firstValue >= 0) {
      const toZero = sampledSeconds * (firstValue / delta);
      if (toZero < toStart) toStart = toZero;
    }
    if (toEnd >= threshold) toEnd = averageGap / 2;

    let factor = (sampledSeconds + toStart + toEnd) / sampledSeconds;
    if (isRate) factor /= matrix.rangeMs / 1000;
    result.push({ labels, value: delta * factor });
  }
  return result;
}
