import type { Query } from '../promql/query.js';
import { filter, maxBy } from '../promql/vector-ops.js';
import type { AlertRule, Thresholds } from './rule.js';

const OLDEST_AGE = 'legocity_updaters_outbox_oldest_age_seconds';

/**
 * A source whose outbox does not drain: its oldest waiting entity is older than
 * `LEGOCITY_ALERTS_OUTBOX_MAX_AGE` (10 minutes), for 5 minutes. Needed beside
 * LegoCityUpdateSourceFailing and -Stale, which stay silent here: a polled source's run succeeds
 * once its data is queued, whether the broker takes it or not. A broker restart, or a backlog
 * that drains within minutes, never fires it.
 */
export const updateOutboxStuck: AlertRule = {
  name: 'LegoCityUpdateOutboxStuck',
  severity: 'warning',
  for: '5m',
  summary: 'Writes of source {{ $labels.source }} are not reaching the broker',
  description:
    'The oldest entity in the outbox of source {{ $labels.source }} on {{ $labels.instance }} ' +
    'has waited {{ $value | humanizeDuration }}: the broker is unreachable, refuses the ' +
    "source's key, or cannot keep up. Nothing is lost; the maps miss this data until it drains.",
  runbook: 'update-outbox-stuck',
  expr: (t) => `max by (job, instance, source) (${OLDEST_AGE}) > ${t.outboxMaxAgeSeconds}`,
  evaluate: (query: Query, t: Thresholds) =>
    filter(
      maxBy(['job', 'instance', 'source'], query.vector(OLDEST_AGE)),
      '>',
      t.outboxMaxAgeSeconds,
    ),
};
