import { re, type Query } from '../promql/query.js';
import { increase, rate } from '../promql/rate.js';
import { and, arithmetic, filter, sumBy } from '../promql/vector-ops.js';
import type { AlertRule, Severity, Thresholds } from './rule.js';

/** Fewer 5xx than this in five minutes is noise, whatever the share (a quiet night). */
const MIN_ERRORS = 5;
const BY = ['job', 'instance'];

interface HttpErrorsOptions {
  name: string;
  metric: string;
  severity: Severity;
  runbook: string;
  summary: string;
  description: string;
}

/**
 * A component answering too many 5xx: more than `errorRatio` of its requests over 5 minutes,
 * and at least 5 of them, for 5 minutes.
 */
function httpErrors(options: HttpErrorsOptions): AlertRule {
  const { metric } = options;
  return {
    name: options.name,
    severity: options.severity,
    for: '5m',
    summary: options.summary,
    description: options.description,
    runbook: options.runbook,
    expr: (t: Thresholds) =>
      [
        `sum by (job, instance) (rate(${metric}{status=~"5.."}[5m]))`,
        `  / sum by (job, instance) (rate(${metric}[5m]))`,
        `  > ${t.errorRatio}`,
        `and sum by (job, instance) (increase(${metric}{status=~"5.."}[5m])) >= ${MIN_ERRORS}`,
      ].join('\n'),
    evaluate(query: Query, t: Thresholds) {
      const errors = sumBy(BY, rate(query.matrix(metric, { status: re('5..') }, '5m')));
      const all = sumBy(BY, rate(query.matrix(metric, {}, '5m')));
      const count = sumBy(BY, increase(query.matrix(metric, { status: re('5..') }, '5m')));
      return and(
        filter(arithmetic(errors, '/', all), '>', t.errorRatio),
        filter(count, '>=', MIN_ERRORS),
      );
    },
  };
}

export const brokerErrors = httpErrors({
  name: 'LegoCityBrokerErrors',
  metric: 'legocity_broker_http_requests_total',
  severity: 'critical',
  runbook: 'broker-errors',
  summary: 'The broker on {{ $labels.instance }} answers with server errors',
  description:
    '{{ $value | humanizePercentage }} of the requests to the broker on {{ $labels.instance }} ' +
    'ended in a 5xx over the last 5 minutes: writes from update servers and reads of the dashboard fail.',
});

export const dashboardErrors = httpErrors({
  name: 'LegoCityDashboardErrors',
  metric: 'legocity_dashboard_http_requests_total',
  severity: 'warning',
  runbook: 'dashboard-errors',
  summary: 'The dashboard on {{ $labels.instance }} answers with server errors',
  description:
    '{{ $value | humanizePercentage }} of the API requests (data routes and the CMS) of the dashboard on {{ $labels.instance }} ' +
    'ended in a 5xx over the last 5 minutes: maps, KPI cards and tables show errors or stale data, or the admin fails.',
});
