/**
 * The always-firing alert: sent to the webhook every heartbeat interval by the alerts service,
 * and in the Prometheus rules as `vector(1)` (Alertmanager's "watchdog"). A receiver that stops
 * getting it knows the alert path itself is broken.
 */
export const HEARTBEAT = {
  name: 'LegoCityHeartbeat',
  severity: 'none',
  summary: 'The LegoCity alert path works',
  description:
    'This alert always fires, so that its absence is noticed: if your receiver stops getting it, ' +
    'the alerts service (or Prometheus and Alertmanager) is down or cannot reach you.',
  runbook: 'heartbeat',
  expr: 'vector(1)',
} as const;
