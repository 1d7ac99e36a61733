/**
 * Glue between Next route handlers and the data routes: the process's Payload, the signed-in
 * reader (Payload's cookie or JWT), the shared data services, metrics and error logs.
 */
import { createHash } from 'node:crypto';
import config from '@payload-config';
import { getPayload } from 'payload';
import { requireDashboardConfig } from '../config.js';
import { countedRoute } from '../ops/counted-route.js';
import { dashboardOps } from '../ops/dashboard-ops.js';
import { dataServices, type DataServices } from './data-services.js';
import type { DataContext } from './data-context.js';
import { clientOf } from './respond.js';

/** The process's data services (the notify URL and token secret from the configuration). */
export async function nextDataServices(): Promise<DataServices> {
  const payload = await getPayload({ config });
  const settings = requireDashboardConfig();
  return dataServices({
    // A key of its own, derived from the configured secret (which also seals the broker keys).
    tokenSecret: createHash('sha256')
      .update(`notify-token\0${payload.config.secret}`)
      .digest('hex'),
    notifyUrl: settings.notifyUrl ?? `http://127.0.0.1:${settings.port}/api/data/notify`,
  });
}

/**
 * A Next route handler for a data route: builds the context, runs it, counts it on /metrics
 * under its route template (countedRoute), logs the cause of every 5xx.
 * @example export const GET = dataRoute('/api/data/blocks/:blockId', (context, request, params) => blockData(context, params.blockId));
 */
export function dataRoute<P extends Record<string, string>>(
  route: string,
  run: (context: DataContext, request: Request, params: P) => Promise<Response>,
) {
  return countedRoute(
    route,
    async (request: Request, { params }: { params: Promise<P> }): Promise<Response> => {
      const ops = dashboardOps();
      const payload = await getPayload({ config });
      const { user } = await payload.auth({ headers: request.headers });
      const context: DataContext = {
        payload,
        reader: user ?? null,
        services: await nextDataServices(),
        client: clientOf(request),
        onError: (error, errorStatus) => {
          if (errorStatus >= 500)
            ops.logger.warn({ err: error, route, status: errorStatus }, 'data route failed');
        },
      };
      return run(context, request, await params);
    },
  );
}
