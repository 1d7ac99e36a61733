import type { KpiThreshold } from '../../site/view-models.js';

/**
 * The colour of a KPI value: that of the highest threshold whose `from` the value reaches, or
 * undefined when it reaches none (or there is no value).
 * @example kpiColour(42, [{ from: 0, colour: 'green' }, { from: 35, colour: 'orange' }]) // 'orange'
 */
export function kpiColour(
  value: number | null | undefined,
  thresholds: readonly KpiThreshold[],
): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  let best: KpiThreshold | undefined;
  for (const threshold of thresholds) {
    if (value >= threshold.from && (!best || threshold.from >= best.from)) best = threshold;
  }
  return best?.colour;
}

/**
 * A number for people: at most `digits` decimals, grouped in the reader's language.
 * @example formatNumber(1234.567, 'vi') // '1.234,57'
 */
export function formatNumber(value: number, locale: string, digits = 2): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
}
