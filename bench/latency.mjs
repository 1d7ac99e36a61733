/**
 * Percentiles from raw samples (milliseconds). We keep every sample and sort once: a phase
 * records at most a few hundred thousand values, and exact percentiles need no histogram tuning.
 * @example summarize([1.2, 0.8, 3.1]) // { count: 3, mean: 1.7, p50: 1.2, p99: 3.1, max: 3.1 }
 */
export function summarize(samples) {
  if (samples.length === 0) return { count: 0, mean: 0, p50: 0, p90: 0, p99: 0, max: 0 };
  const sorted = Float64Array.from(samples).sort();
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  const sum = sorted.reduce((total, value) => total + value, 0);
  return {
    count: sorted.length,
    mean: sum / sorted.length,
    p50: at(0.5),
    p90: at(0.9),
    p99: at(0.99),
    max: sorted[sorted.length - 1],
  };
}

/** Milliseconds elapsed since a `process.hrtime.bigint()` reading. */
export function msSince(start) {
  return Number(process.hrtime.bigint() - start) / 1e6;
}
