import type { Query } from '../promql/query.js';
import { filter, maxBy } from '../promql/vector-ops.js';
import type { AlertRule } from './rule.js';

const STALENESS = 'legocity_updaters_source_staleness';

/**
 * A source whose data is older than its declared period plus grace: the update-server runtime
 * reports it `down` (the same state its /health shows). Five minutes more, so a source that
 * catches up on its next run does not page anyone.
 */
export const updateSourceStale: AlertRule = {
  name: 'LegoCityUpdateSourceStale',
  severity: 'warning',
  for: '5m',
  summary: 'Update-server source {{ $labels.source }} is stale',
  description:
    'Source {{ $labels.source }} on {{ $labels.instance }} has had no successful run for longer ' +
    'than its period plus grace: the data it feeds is getting old on the maps.',
  runbook: 'update-source-stale',
  expr: () => `max by (job, instance, source) (${STALENESS}{state="down"}) == 1`,
  evaluate: (query: Query) =>
    filter(
      maxBy(['job', 'instance', 'source'], query.vector(STALENESS, { state: 'down' })),
      '==',
      1,
    ),
};
