import { LOOKBACK_MS } from '../promql/select.js';
import { recordingQuery } from '../promql/query.js';
import type { AlertRule, Thresholds } from '../rules/rule.js';
import type { MetricRetention } from './sample-history.js';

/** The longest history kept, whatever a rule asks: a day plus an hour. */
export const MAX_HISTORY_MS = 25 * 3_600_000;
/** Recent samples are kept as scraped for at least this long. */
const MIN_FULL_RESOLUTION_MS = 10 * 60_000;

/**
 * What to keep of each metric, read from the rules themselves: each rule is run once against a
 * recording query, and each selector it uses (range + offset + the 5-minute lookback) sets how
 * long its metric is kept. Metrics no rule reads are not kept; `up` always is.
 * @example retentionFor(ALERT_RULES, thresholds).get('legocity_broker_entities') // { keepMs: 24h+5m+… }
 */
export function retentionFor(
  rules: readonly AlertRule[],
  thresholds: Thresholds,
  intervalMs: number,
): Map<string, MetricRetention> {
  const retention = new Map<string, MetricRetention>([
    ['up', { keepMs: LOOKBACK_MS + intervalMs, fullResolutionMs: MIN_FULL_RESOLUTION_MS }],
  ]);
  for (const rule of rules) {
    const { query, selections } = recordingQuery();
    rule.evaluate(query, thresholds);
    for (const selection of selections) {
      const reach = (selection.rangeMs ?? 0) + selection.offsetMs;
      const current = retention.get(selection.metric);
      const keepMs = Math.min(MAX_HISTORY_MS, reach + LOOKBACK_MS + intervalMs);
      const fullResolutionMs = Math.max(
        MIN_FULL_RESOLUTION_MS,
        selection.rangeMs === undefined ? 0 : reach + intervalMs,
      );
      retention.set(selection.metric, {
        keepMs: Math.max(keepMs, current?.keepMs ?? 0),
        fullResolutionMs: Math.max(fullResolutionMs, current?.fullResolutionMs ?? 0),
      });
    }
  }
  return retention;
}
