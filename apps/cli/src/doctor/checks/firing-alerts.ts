import { problem, ok, type Check } from '../finding.js';

const CHECK = 'firing-alerts';

/** Alerts the platform's evaluator reports firing (pending ones are not yet a problem). */
export const firingAlerts: Check = ({ status }) => {
  if ('error' in status.alerts)
    return [
      problem(
        CHECK,
        'warn',
        `Alerts not checked: ${status.alerts.error}`,
        'Start the alert evaluator (`npm start` runs it), or set LEGOCITY_CLI_ALERTS_URL.',
      ),
    ];
  const firing = status.alerts.filter((alert) => alert.state === 'firing');
  if (firing.length === 0) return [ok(CHECK, 'No alert firing')];
  return firing.map((alert) => ({
    check: CHECK,
    status: alert.severity === 'critical' ? ('fail' as const) : ('warn' as const),
    message: `Alert ${alert.name} firing since ${alert.activeSince}: ${alert.summary}`,
    action: alert.description ?? 'Follow its runbook.',
    runbook: alert.runbook,
  }));
};
