/**
 * Every metric name the LegoCity components really export, read from their registries: the
 * broker started in-process (its test harness), the update servers' and the dashboard's metrics
 * built as their main.ts builds them, and the alerts service's own. The rules file and the
 * Grafana dashboard may only query these (and Prometheus's own `up` and `ALERTS`): a test fails
 * when a component stops exporting a name an alert or a panel reads.
 */
import { createMetrics } from '@legocity/observability';
import { createUpdaterMetrics } from '@legocity/updater-runtime';
import { createAlertsMetrics } from '../../apps/alerts/src/alerts-metrics.js';
import { parseMetricsText } from '@legocity/observability';
import { startTestBroker } from '../../apps/broker/src/testing/test-broker.js';
import { createDashboardOps } from '../../apps/dashboard/src/ops/create-dashboard-ops.js';

/** Series Prometheus makes itself: `up` per target, `ALERTS` per alert. */
export const PROMETHEUS_SERIES = ['up', 'ALERTS', 'ALERTS_FOR_STATE'];

/**
 * The names a /metrics text exposes: each declared family, histograms and summaries as their
 * `_bucket`/`_sum`/`_count` series, plus any sample without a declaration.
 * @example exposedNames('# TYPE h histogram\n') // Set { 'h_bucket', 'h_sum', 'h_count' }
 */
export function exposedNames(text: string): Set<string> {
  const parsed = parseMetricsText(text);
  if (!parsed.ok) throw new Error(parsed.error);
  const names = new Set<string>();
  for (const [name, type] of parsed.value.types) {
    if (type === 'histogram')
      for (const suffix of ['_bucket', '_sum', '_count']) names.add(name + suffix);
    else if (type === 'summary')
      for (const suffix of ['', '_sum', '_count']) names.add(name + suffix);
    else names.add(name);
  }
  for (const sample of parsed.value.samples) names.add(sample.labels.__name__ ?? '');
  return names;
}

/** Every exported name, by component. Starts (and stops) an in-process broker: seconds. */
export async function metricInventory(): Promise<Map<string, Set<string>>> {
  const broker = await startTestBroker('pglite');
  try {
    const brokerText = (await broker.request('GET', '/metrics')).text;
    const updaters = createMetrics({ prefix: 'legocity_updaters' });
    createUpdaterMetrics(updaters);
    const dashboard = createDashboardOps({
      version: 'test',
      commit: 'test',
      brokerUrl: 'http://127.0.0.1:1',
      logLevel: 'error',
      pingDatabase: () => Promise.resolve(),
    });
    const alerts = createAlertsMetrics({ folders: ['.'], backupDir: '.legocity/backups' });
    return new Map([
      ['broker', exposedNames(brokerText)],
      ['updaters', exposedNames((await updaters.render()).body)],
      ['dashboard', exposedNames((await dashboard.metrics.render()).body)],
      ['alerts', exposedNames((await alerts.metrics.render()).body)],
      ['prometheus', new Set(PROMETHEUS_SERIES)],
    ]);
  } finally {
    await broker.close();
  }
}
