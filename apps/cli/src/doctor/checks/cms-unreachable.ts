import { ok, problem, type Check } from '../finding.js';

const CHECK = 'cms-unreachable';

/** Playbook "CMS unreachable": the dashboard and its CMS database answer. */
export const cmsUnreachable: Check = ({ status }) => {
  const dashboard = status.components.find((c) => c.name === 'dashboard');
  if (!dashboard) return [];
  if (dashboard.state === 'unreachable')
    return [
      problem(
        CHECK,
        'fail',
        `The dashboard and CMS at ${dashboard.url} do not answer: ${dashboard.error ?? 'no answer'}`,
        'Start it (`npm start`); if it exits at once, its log names the configuration problem. A missing build: `npm run build -w apps/dashboard`.',
      ),
    ];
  const database = dashboard.checks.database;
  if (database && !database.ok)
    return [
      problem(
        CHECK,
        'fail',
        `The CMS cannot use its database: ${database.detail ?? 'failing'}`,
        'Check LEGOCITY_DASHBOARD_DATABASE_URL (PostgreSQL up, reachable, credentials) or the SQLite file in the data folder (disk full, permissions).',
      ),
    ];
  if (dashboard.state === 'down')
    return [
      problem(
        CHECK,
        'fail',
        `The dashboard is not ready: ${dashboard.problems.join('; ')}`,
        'Read the dashboard log.',
      ),
    ];
  return [ok(CHECK, 'The dashboard and its CMS database answer')];
};
