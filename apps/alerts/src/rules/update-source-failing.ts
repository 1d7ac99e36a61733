import type { Query } from '../promql/query.js';
import { increase } from '../promql/rate.js';
import { and, filter, maxBy, scalarLeft, sumBy } from '../promql/vector-ops.js';
import type { AlertRule } from './rule.js';

const BY = ['job', 'instance', 'source'];
const ERRORS = 'legocity_updaters_errors_total';
const LAST_SUCCESS = 'legocity_updaters_source_last_success_timestamp_seconds';

/**
 * An update-server source that keeps failing: errors in the last 5 minutes and in the 5 minutes
 * ten minutes ago, and no successful run for 10 minutes; fires after 2 more minutes (so after
 * 12–13 minutes of failure). One failed run of an hourly source never fires it (its errors do not
 * span ten minutes); a source that is merely late is LegoCityUpdateSourceStale's job.
 */
export const updateSourceFailing: AlertRule = {
  name: 'LegoCityUpdateSourceFailing',
  severity: 'warning',
  for: '2m',
  summary: 'Update-server source {{ $labels.source }} keeps failing',
  description:
    'Source {{ $labels.source }} on {{ $labels.instance }} has failed for more than 10 minutes ' +
    'without a successful run ({{ $value | humanize }} errors in the last 5 minutes).',
  runbook: 'update-source-failing',
  expr: () =>
    [
      `sum by (job, instance, source) (increase(${ERRORS}[5m])) > 0`,
      `and sum by (job, instance, source) (increase(${ERRORS}[5m] offset 10m)) > 0`,
      `and time() - max by (job, instance, source) (${LAST_SUCCESS}) > 600`,
    ].join('\n'),
  evaluate(query: Query) {
    const recent = sumBy(BY, increase(query.matrix(ERRORS, {}, '5m')));
    const earlier = sumBy(BY, increase(query.matrix(ERRORS, {}, '5m', { offset: '10m' })));
    const sinceSuccess = scalarLeft(query.time(), '-', maxBy(BY, query.vector(LAST_SUCCESS)));
    return and(
      and(filter(recent, '>', 0), filter(earlier, '>', 0)),
      filter(sinceSuccess, '>', 600),
    );
  },
};
