import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import config from '@payload-config';
import { gitCommit } from '@legocity/observability';
import { getPayload } from 'payload';
import packageJson from '../../package.json';
import { requireDashboardConfig } from '../config.js';
import { createDashboardOps, type DashboardOps } from './create-dashboard-ops.js';

const KEY = Symbol.for('legocity.dashboard.ops');
type Holder = { [KEY]?: DashboardOps };

/**
 * The process's one DashboardOps, created on first use. Kept on globalThis: Next may load this
 * module once per route bundle, and one metrics registry per process is the point.
 * @example const { health } = dashboardOps();
 */
export function dashboardOps(): DashboardOps {
  const holder = globalThis as Holder;
  if (holder[KEY] !== undefined) return holder[KEY];
  const settings = requireDashboardConfig();
  const ops = createDashboardOps({
    version: packageJson.version,
    // Next runs the dashboard from its own folder, two levels below the checkout's root.
    commit:
      settings.commit ??
      gitCommit(pathToFileURL(`${resolve(process.cwd(), '../../.git')}/`)) ??
      'unknown',
    brokerUrl: settings.brokerUrl,
    logLevel: settings.logLevel,
    pingDatabase: async () => {
      const payload = await getPayload({ config });
      await payload.count({ collection: 'users', overrideAccess: true });
    },
  });
  holder[KEY] = ops;
  return ops;
}
