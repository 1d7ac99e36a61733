import type { Query } from '../promql/query.js';
import { and, arithmetic, compare, filter, maxBy } from '../promql/vector-ops.js';
import type { AlertRule, Thresholds } from './rule.js';

const ENTITIES = 'legocity_broker_entities';
const BY = ['job', 'tenant', 'type'];
/** Growth smaller than this in a day is not "without bound" in a small city, whatever the factor. */
const MIN_GROWTH = 1000;

/**
 * A type whose count grew more than `entityGrowthFactor` times in 24 hours (and by at least 1,000
 * entities) and is still growing this hour, for an hour: a source minting new ids for the same
 * things (unstable ids), or a runaway import. A one-off import stops growing and does not fire.
 */
export const entityCountGrowing: AlertRule = {
  name: 'LegoCityEntityCountGrowing',
  severity: 'warning',
  for: '1h',
  summary: '{{ $labels.type }} entities keep growing',
  description:
    'Tenant {{ $labels.tenant }} has {{ $value | humanize }} times as many {{ $labels.type }} ' +
    'entities as a day ago, and the count still grows: a source may be creating new ids for the ' +
    'same things.',
  runbook: 'entity-count-growing',
  expr: (t) =>
    [
      `max by (job, tenant, type) (${ENTITIES})`,
      `  / max by (job, tenant, type) (${ENTITIES} offset 24h)`,
      `  > ${t.entityGrowthFactor}`,
      `and max by (job, tenant, type) (${ENTITIES})`,
      `  - max by (job, tenant, type) (${ENTITIES} offset 24h)`,
      `  > ${MIN_GROWTH}`,
      `and max by (job, tenant, type) (${ENTITIES})`,
      `  > max by (job, tenant, type) (${ENTITIES} offset 1h)`,
    ].join('\n'),
  evaluate(query: Query, t: Thresholds) {
    const now = () => maxBy(BY, query.vector(ENTITIES));
    const ago = (offset: string) => maxBy(BY, query.vector(ENTITIES, {}, { offset }));
    const factor = filter(arithmetic(now(), '/', ago('24h')), '>', t.entityGrowthFactor);
    const growth = filter(arithmetic(now(), '-', ago('24h')), '>', MIN_GROWTH);
    const growing = compare(now(), '>', ago('1h'));
    return and(and(factor, growth), growing);
  },
};
