import type { Query } from '../promql/query.js';
import { filter } from '../promql/vector-ops.js';
import { JOBS, type AlertRule, type Component } from './rule.js';

interface DownOptions {
  component: Component;
  title: string;
  summary: string;
  description: string;
}

/**
 * A component that cannot be scraped: `up == 0` for two minutes, so a restart (seconds) never
 * fires. The evaluator sets `up` to 0 for a target whose /metrics did not answer, as Prometheus does.
 */
function componentDown({ component, title, summary, description }: DownOptions): AlertRule {
  const job = JOBS[component];
  return {
    name: `LegoCity${title}Down`,
    severity: component === 'alerts' ? 'warning' : 'critical',
    for: '2m',
    summary,
    description,
    runbook: `${component}-down`,
    expr: () => `up{job="${job}"} == 0`,
    evaluate: (query: Query) => filter(query.vector('up', { job }), '==', 0),
  };
}

export const brokerDown = componentDown({
  component: 'broker',
  summary: 'The broker on {{ $labels.instance }} is down',
  title: 'Broker',
  description:
    'The NGSI-LD broker on {{ $labels.instance }} has not answered /metrics for 2 minutes: ' +
    'update servers queue their writes in their outboxes and the dashboard shows no new data.',
});

export const updatersDown = componentDown({
  component: 'updaters',
  summary: 'The update servers on {{ $labels.instance }} are down',
  title: 'Updaters',
  description:
    'The update servers on {{ $labels.instance }} have not answered /metrics for 2 minutes: ' +
    'no source brings new data into the broker.',
});

export const dashboardDown = componentDown({
  component: 'dashboard',
  summary: 'The dashboard on {{ $labels.instance }} is down',
  title: 'Dashboard',
  description:
    'The dashboard and CMS on {{ $labels.instance }} have not answered /metrics for 2 minutes: ' +
    'citizens see no maps and editors cannot sign in.',
});

export const alertsDown = componentDown({
  component: 'alerts',
  summary: 'The alerts service on {{ $labels.instance }} is down',
  title: 'Alerts',
  description:
    'The LegoCity alerts service on {{ $labels.instance }} has not answered /metrics for 2 minutes: ' +
    'disk, memory and backup alerts cannot fire, and webhook alerts are not sent.',
});
