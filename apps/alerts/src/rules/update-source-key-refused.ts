import { formatPromDuration } from '../promql/duration.js';
import type { Query } from '../promql/query.js';
import { increase } from '../promql/rate.js';
import { filter, sumBy } from '../promql/vector-ops.js';
import type { AlertRule, Thresholds } from './rule.js';

const ERRORS = 'legocity_updaters_errors_total';

/**
 * The broker answers 401/403 to a source's writes (`kind="auth"` errors) within the last
 * `LEGOCITY_ALERTS_KEY_REFUSED_WINDOW` (5 minutes), for 2 minutes: its key has expired or been
 * revoked. The update servers retry a refused write every `LEGOCITY_UPDATERS_AUTH_RETRY`
 * (1 minute), so the window always holds the next refusal and the alert does not flap. The
 * update servers export the `kind="auth"` series at 0 from their start, so `increase` counts the
 * first refusal too (a series born at 1 would only count from the second).
 */
export const updateSourceKeyRefused: AlertRule = {
  name: 'LegoCityUpdateSourceKeyRefused',
  severity: 'critical',
  for: '2m',
  summary: "The broker refuses source {{ $labels.source }}'s key",
  description:
    'The broker answers 401/403 to the writes of source {{ $labels.source }} on ' +
    '{{ $labels.instance }}: its key has expired or been revoked. Its data waits in the outbox ' +
    'and the maps get nothing new from it until the source has a new key.',
  runbook: 'update-source-key-refused',
  expr: (t) =>
    `sum by (job, instance, source) (increase(${ERRORS}{kind="auth"}[${window(t)}])) > 0`,
  evaluate: (query: Query, t: Thresholds) =>
    filter(
      sumBy(
        ['job', 'instance', 'source'],
        increase(query.matrix(ERRORS, { kind: 'auth' }, window(t))),
      ),
      '>',
      0,
    ),
};

function window(t: Thresholds): string {
  return formatPromDuration(Math.round(t.keyRefusedWindowSeconds * 1000));
}
