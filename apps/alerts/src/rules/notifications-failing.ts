import type { Query } from '../promql/query.js';
import { increase, rate } from '../promql/rate.js';
import { and, arithmetic, filter, sumBy } from '../promql/vector-ops.js';
import type { AlertRule } from './rule.js';

const NOTIFICATIONS = 'legocity_broker_notifications_total';
const BY = ['job', 'instance'];
/** Share of failed deliveries that is more than one flaky subscriber. */
const FAILURE_RATIO = 0.2;
/** A dead endpoint is retried at least once a minute (backoff caps at 1 min): 5 in 10 minutes. */
const MIN_FAILURES = 5;

/**
 * Subscription notifications failing: over 20% of deliveries in 10 minutes, at least 5, for 5
 * minutes. Live maps then update only by polling, and other subscribers miss changes (they are
 * retried from the outbox, so nothing is lost while the broker keeps them).
 */
export const notificationsFailing: AlertRule = {
  name: 'LegoCityNotificationsFailing',
  severity: 'warning',
  for: '5m',
  summary: 'The broker on {{ $labels.instance }} cannot deliver notifications',
  description:
    '{{ $value | humanizePercentage }} of the notifications the broker on {{ $labels.instance }} ' +
    'sent over the last 10 minutes failed: a subscriber endpoint is down or unreachable.',
  runbook: 'notifications-failing',
  expr: () =>
    [
      `sum by (job, instance) (rate(${NOTIFICATIONS}{result="failure"}[10m]))`,
      `  / sum by (job, instance) (rate(${NOTIFICATIONS}[10m]))`,
      `  > ${FAILURE_RATIO}`,
      `and sum by (job, instance) (increase(${NOTIFICATIONS}{result="failure"}[10m])) >= ${MIN_FAILURES}`,
    ].join('\n'),
  evaluate(query: Query) {
    const failed = sumBy(BY, rate(query.matrix(NOTIFICATIONS, { result: 'failure' }, '10m')));
    const all = sumBy(BY, rate(query.matrix(NOTIFICATIONS, {}, '10m')));
    const count = sumBy(BY, increase(query.matrix(NOTIFICATIONS, { result: 'failure' }, '10m')));
    return and(
      filter(arithmetic(failed, '/', all), '>', FAILURE_RATIO),
      filter(count, '>=', MIN_FAILURES),
    );
  },
};
