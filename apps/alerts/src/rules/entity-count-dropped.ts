import type { Query } from '../promql/query.js';
import { arithmetic, filter, maxBy } from '../promql/vector-ops.js';
import type { AlertRule, Thresholds } from './rule.js';

const ENTITIES = 'legocity_broker_entities';
const BY = ['job', 'tenant', 'type'];

/** The share of an hour-old count below which a type has "dropped sharply", e.g. 0.8. */
export function keptRatio(t: Thresholds): number {
  return Number((1 - t.entityDropRatio).toFixed(6));
}

/**
 * Entities of one type and tenant down by more than `entityDropRatio` against an hour ago (max
 * over broker replicas, which all count the same database). A type that vanished entirely is
 * LegoCityEntityTypeEmptied. The alert ends an hour after the drop even if nothing came back.
 */
export const entityCountDropped: AlertRule = {
  name: 'LegoCityEntityCountDropped',
  severity: 'warning',
  for: '5m',
  summary: '{{ $labels.type }} entities dropped sharply',
  description:
    'Tenant {{ $labels.tenant }} has {{ $value | humanizePercentage }} of the {{ $labels.type }} ' +
    'entities it had an hour ago: something deleted them, or a source stopped recreating them.',
  runbook: 'entity-count-dropped',
  expr: (t) =>
    [
      `max by (job, tenant, type) (${ENTITIES})`,
      `  / max by (job, tenant, type) (${ENTITIES} offset 1h)`,
      `  < ${keptRatio(t)}`,
    ].join('\n'),
  evaluate(query: Query, t: Thresholds) {
    const now = maxBy(BY, query.vector(ENTITIES));
    const hourAgo = maxBy(BY, query.vector(ENTITIES, {}, { offset: '1h' }));
    return filter(arithmetic(now, '/', hourAgo), '<', keptRatio(t));
  },
};
