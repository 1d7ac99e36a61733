import { messages } from '../messages.js';

export type MetricKind = 'counter' | 'gauge' | 'histogram';

const SNAKE_CASE = /^[a-z][a-z0-9_]*$/;

/**
 * Label names that would make one time series per request or per entity, which swamps
 * Prometheus. Compared without case, `_` or `-`, so `entity_id` and `entityId` both match.
 */
const IDENTIFIER_LABELS = new Set([
  'id',
  'entityid',
  'correlationid',
  'requestid',
  'traceid',
  'userid',
  'sessionid',
  'url',
  'path',
]);

/**
 * Joins a prefix and a name: `metricName('legocity_broker', 'entities')` → `legocity_broker_entities`.
 * @example metricName('legocity_broker_', 'http_requests_total') // 'legocity_broker_http_requests_total'
 */
export function metricName(prefix: string, name: string): string {
  return prefix === '' ? name : `${prefix.replace(/_+$/, '')}_${name}`;
}

/**
 * Throws when a metric breaks the naming rules (STYLE.md: `legocity_<component>_<what>_<unit>`,
 * counters end in `_total`, no ids in labels). Registration happens at start-up, so a mistake
 * stops the process before it reaches a dashboard.
 * @example assertMetricRules('counter', 'legocity_broker_write_failures_total', ['tenant'])
 */
export function assertMetricRules(
  kind: MetricKind,
  name: string,
  labelNames: readonly string[],
): void {
  if (!SNAKE_CASE.test(name)) throw new TypeError(messages.metricNameInvalid(name));
  const isTotal = name.endsWith('_total');
  if (kind === 'counter' && !isTotal) throw new TypeError(messages.counterNeedsTotal(name));
  if (kind !== 'counter' && isTotal) throw new TypeError(messages.onlyCountersEndInTotal(name));
  for (const label of labelNames) {
    if (IDENTIFIER_LABELS.has(label.toLowerCase().replace(/[-_]/g, ''))) {
      throw new TypeError(messages.labelIsIdentifier(name, label));
    }
  }
}
