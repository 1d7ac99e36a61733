import { ok, problem, type Check } from '../finding.js';

const CHECK = 'dashboard-cannot-reach-backend';

/** Playbook "dashboard cannot reach backend": the dashboard's own broker check. */
export const dashboardBackend: Check = ({ status }) => {
  const dashboard = status.components.find((c) => c.name === 'dashboard');
  const broker = status.components.find((c) => c.name === 'broker');
  const check = dashboard?.checks.broker;
  if (!dashboard || dashboard.state === 'unreachable' || !check) return [];
  if (check.ok) return [ok(CHECK, 'The dashboard reaches the broker')];
  const brokerUp = broker && broker.state !== 'unreachable';
  return [
    problem(
      CHECK,
      'fail',
      `The dashboard cannot reach the broker: ${check.detail ?? 'failing'}`,
      brokerUp
        ? `The broker answers at ${broker.url}, so the dashboard's LEGOCITY_DASHBOARD_BROKER_URL (or the network between them) is wrong.`
        : 'The broker itself is down: see broker-errors first.',
    ),
  ];
};
