import config from '@payload-config';
import { getPayload } from 'payload';
import packageJson from '../../package.json';
import { requireDashboardConfig } from '../config.js';
import { createDashboardOps, type DashboardOps } from './create-dashboard-ops.js';

let ops: DashboardOps | undefined;

/**
 * The process's one DashboardOps, created on first use by a route handler (Next has no start-up
 * hook shared by all routes, and one metrics registry per process is the point).
 * @example const { health } = dashboardOps();
 */
export function dashboardOps(): DashboardOps {
  if (ops !== undefined) return ops;
  const settings = requireDashboardConfig();
  ops = createDashboardOps({
    version: packageJson.version,
    commit: settings.commit ?? 'unknown',
    brokerUrl: settings.brokerUrl,
    logLevel: settings.logLevel,
    pingDatabase: async () => {
      const payload = await getPayload({ config });
      await payload.count({ collection: 'users', overrideAccess: true });
    },
  });
  return ops;
}
