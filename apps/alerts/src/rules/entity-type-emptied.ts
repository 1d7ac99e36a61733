import type { Query } from '../promql/query.js';
import { increase } from '../promql/rate.js';
import { and, filter, maxBy, sumBy, unless } from '../promql/vector-ops.js';
import { JOBS, type AlertRule } from './rule.js';

const ENTITIES = 'legocity_broker_entities';
const COUNT_FAILURES = 'legocity_broker_entity_count_failures_total';
const BY = ['job', 'tenant', 'type'];

/**
 * A type that had entities an hour ago and has none now. The broker exports no zero counts (a
 * type without entities has no series), so "none" is a series that vanished — while the broker is
 * up and counted every tenant (a failed count also drops series, and must not look like a wipe).
 */
export const entityTypeEmptied: AlertRule = {
  name: 'LegoCityEntityTypeEmptied',
  severity: 'critical',
  for: '5m',
  summary: 'No {{ $labels.type }} entities are left',
  description:
    'Tenant {{ $labels.tenant }} had {{ $value | humanize }} {{ $labels.type }} entities an hour ' +
    'ago and has none now: maps and pages built on this type are empty.',
  runbook: 'entity-type-emptied',
  expr: () =>
    [
      `max by (job, tenant, type) (${ENTITIES} offset 1h)`,
      `unless on (job, tenant, type) max by (job, tenant, type) (${ENTITIES})`,
      `and on (job) max by (job) (up{job="${JOBS.broker}"}) == 1`,
      `unless on (job) sum by (job) (increase(${COUNT_FAILURES}[10m])) > 0`,
    ].join('\n'),
  evaluate(query: Query) {
    const hourAgo = maxBy(BY, query.vector(ENTITIES, {}, { offset: '1h' }));
    const now = maxBy(BY, query.vector(ENTITIES));
    const brokerUp = filter(maxBy(['job'], query.vector('up', { job: JOBS.broker })), '==', 1);
    const countFailed = filter(
      sumBy(['job'], increase(query.matrix(COUNT_FAILURES, {}, '10m'))),
      '>',
      0,
    );
    return unless(and(unless(hourAgo, now, BY), brokerUp, ['job']), countFailed, ['job']);
  },
};
