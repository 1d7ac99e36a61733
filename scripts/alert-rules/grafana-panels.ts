/**
 * The panels of deploy/grafana/legocity.json, by section; what an operator looks at first comes
 * first. `$__rate_interval` is Grafana's rate window for the panel's resolution.
 */
const RATE = '[$__rate_interval]';
const COMPONENTS = ['broker', 'updaters', 'dashboard', 'alerts'] as const;
const HTTP_COMPONENTS = ['broker', 'dashboard'] as const;

export interface PanelQuery {
  expr: string;
  legend: string;
}

export interface PanelSpec {
  title: string;
  queries: PanelQuery[];
  unit?: string;
  type?: 'timeseries' | 'stat' | 'table';
  width?: number;
  description?: string;
}

export interface Section {
  title: string;
  panels: PanelSpec[];
}

const perComponent = (
  metric: (component: string) => string,
  components: readonly string[] = COMPONENTS,
) => components.map((component) => ({ expr: metric(component), legend: component }));

export const SECTIONS: readonly Section[] = [
  {
    title: 'Health',
    panels: [
      {
        title: 'Components up',
        type: 'stat',
        width: 8,
        queries: [{ expr: 'up{job=~"legocity-.*"}', legend: '{{job}}' }],
      },
      {
        title: 'Firing alerts (alerts service)',
        type: 'table',
        width: 8,
        queries: [{ expr: 'legocity_alerts_firing > 0', legend: '{{alertname}}' }],
      },
      {
        title: 'Firing alerts (Prometheus)',
        type: 'table',
        width: 8,
        queries: [
          { expr: 'ALERTS{alertname=~"LegoCity.*", alertstate="firing"}', legend: '{{alertname}}' },
        ],
      },
    ],
  },
  {
    title: 'HTTP',
    panels: [
      {
        title: 'Request rate',
        unit: 'reqps',
        queries: perComponent(
          (c) => `sum(rate(legocity_${c}_http_requests_total${RATE}))`,
          HTTP_COMPONENTS,
        ),
      },
      {
        title: 'Latency p95',
        unit: 's',
        queries: perComponent(
          (c) =>
            `histogram_quantile(0.95, sum by (le) (rate(legocity_${c}_http_request_duration_seconds_bucket${RATE})))`,
          HTTP_COMPONENTS,
        ),
      },
      {
        title: '5xx answers',
        unit: 'reqps',
        queries: perComponent(
          (c) => `sum(rate(legocity_${c}_http_requests_total{status=~"5.."}${RATE}))`,
          HTTP_COMPONENTS,
        ),
      },
    ],
  },
  {
    title: 'Broker',
    panels: [
      {
        title: 'Entities per type',
        queries: [
          {
            expr: 'max by (tenant, type) (legocity_broker_entities)',
            legend: '{{tenant}} {{type}}',
          },
        ],
      },
      {
        title: 'Notifications',
        unit: 'ops',
        queries: [
          {
            expr: `sum by (result, channel) (rate(legocity_broker_notifications_total${RATE}))`,
            legend: '{{channel}} {{result}}',
          },
          {
            expr: `sum(rate(legocity_broker_notifier_errors_total${RATE}))`,
            legend: 'notifier errors',
          },
        ],
      },
      {
        title: 'Notification outbox and delivery p95',
        queries: [
          {
            expr: 'sum by (tenant) (legocity_broker_notification_outbox_pending)',
            legend: 'pending {{tenant}}',
          },
          {
            expr: `histogram_quantile(0.95, sum by (le) (rate(legocity_broker_notification_delivery_seconds_bucket${RATE})))`,
            legend: 'delivery p95 (s)',
          },
        ],
      },
      {
        title: 'Database pool',
        queries: [
          { expr: 'sum by (state) (legocity_broker_db_pool_connections)', legend: '{{state}}' },
        ],
      },
      {
        title: 'Refused requests (auth)',
        unit: 'reqps',
        queries: [
          {
            expr: `sum by (reason) (rate(legocity_broker_auth_failures_total${RATE}))`,
            legend: '{{reason}}',
          },
        ],
      },
    ],
  },
  {
    title: 'Update servers',
    panels: [
      {
        title: 'Time since last success',
        unit: 's',
        queries: [
          {
            expr: 'time() - legocity_updaters_source_last_success_timestamp_seconds',
            legend: '{{source}}',
          },
        ],
      },
      {
        title: 'Late or down sources',
        queries: [
          {
            expr: 'legocity_updaters_source_staleness{state!="fresh"} == 1',
            legend: '{{source}} {{state}}',
          },
        ],
      },
      {
        title: 'Runs and entities written',
        unit: 'ops',
        queries: [
          {
            expr: `sum by (source) (rate(legocity_updaters_run_duration_seconds_count${RATE}))`,
            legend: 'runs {{source}}',
          },
          {
            expr: `sum by (source, outcome) (rate(legocity_updaters_entities_written_total${RATE}))`,
            legend: '{{source}} {{outcome}}',
          },
        ],
      },
      {
        title: 'Errors',
        unit: 'ops',
        queries: [
          {
            expr: `sum by (source, kind) (rate(legocity_updaters_errors_total${RATE}))`,
            legend: '{{source}} {{kind}}',
          },
        ],
      },
      {
        title: 'Outbox',
        queries: [
          { expr: 'legocity_updaters_outbox_pending_entities', legend: 'pending {{source}}' },
          { expr: 'legocity_updaters_outbox_oldest_age_seconds', legend: 'oldest (s) {{source}}' },
        ],
      },
    ],
  },
  {
    title: 'Processes and host',
    panels: [
      {
        title: 'Resident memory',
        unit: 'bytes',
        queries: perComponent((c) => `legocity_${c}_process_resident_memory_bytes`),
      },
      {
        title: 'Event-loop lag p99',
        unit: 's',
        queries: perComponent((c) => `legocity_${c}_nodejs_eventloop_lag_p99_seconds`),
      },
      {
        title: 'CPU',
        unit: 'percentunit',
        queries: perComponent((c) => `rate(legocity_${c}_process_cpu_seconds_total${RATE})`),
      },
      {
        title: 'Disk and memory available',
        unit: 'percentunit',
        queries: [
          { expr: 'legocity_alerts_disk_available_ratio', legend: 'disk {{folder}}' },
          { expr: 'legocity_alerts_memory_available_ratio', legend: 'memory' },
        ],
      },
      {
        title: 'Age of the last backup',
        unit: 's',
        queries: [
          {
            expr: 'time() - legocity_alerts_backup_last_success_timestamp_seconds',
            legend: '{{folder}}',
          },
        ],
      },
      {
        title: 'Alert path',
        queries: [
          {
            expr: `sum by (target) (rate(legocity_alerts_scrape_failures_total${RATE}))`,
            legend: 'scrape failures {{target}}',
          },
          {
            expr: `sum by (kind) (rate(legocity_alerts_webhook_failures_total${RATE}))`,
            legend: 'webhook failures {{kind}}',
          },
          {
            expr: 'time() - legocity_alerts_heartbeat_last_success_timestamp_seconds',
            legend: 'since last heartbeat (s)',
          },
        ],
      },
    ],
  },
];
