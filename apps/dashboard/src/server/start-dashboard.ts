/**
 * What the dashboard does once at server start (Next's instrumentation hook): open the CMS —
 * which runs its committed migrations — and, in demo mode, seed the demo city. A failed seed is
 * logged and retried at the next start; the dashboard still serves what it has.
 */
import config from '@payload-config';
import { getPayload } from 'payload';
import { isProductionServer, requireDashboardConfig } from '../config.js';
import { dashboardOps } from '../ops/dashboard-ops.js';
import { seedDemo } from '../seed/seed-demo.js';
import { migrateCms } from './migrate-cms.js';

/** Opens Payload and seeds the demo when asked to; resolves when done. */
export async function startDashboard(): Promise<void> {
  const settings = requireDashboardConfig();
  const { logger } = dashboardOps();
  const payload = await getPayload({ config });
  // Production applied them while opening; `next dev` does not.
  if (!isProductionServer()) await migrateCms(payload);
  logger.info(
    { database: settings.databaseUrl ? 'configured' : 'sqlite (data folder)' },
    'CMS ready',
  );
  if (!settings.demo) return;
  try {
    const result = await seedDemo(payload, {
      brokerUrl: settings.brokerUrl,
      brokerAdminKey: settings.brokerAdminKey,
      adminEmail: settings.adminEmail,
      dataDir: settings.dataDir,
    });
    if (result.admin) {
      logger.info(
        { email: result.admin.email, passwordFile: result.admin.passwordFile },
        'first admin created; its password is in the file named here',
      );
    }
    if (result.seeded) logger.info({ map: '/maps/da-nang', home: '/' }, 'demo city seeded');
  } catch (error) {
    logger.error({ err: error }, 'demo seed failed; it is retried at the next start');
  }
}
