import type { Endpoint } from 'payload';
import { fetchPlatformAlerts } from './fetch-platform-alerts.js';

/**
 * GET /api/platform/alerts: the platform's pending and firing alerts for the admin's dashboard,
 * read server-side from the alert evaluator. Signed-in users only (any role); never cached.
 * @example buildConfig({ …, endpoints: [platformAlertsEndpoint('http://127.0.0.1:4042')] })
 */
export function platformAlertsEndpoint(alertsUrl: string, fetchImpl?: typeof fetch): Endpoint {
  return {
    path: '/platform/alerts',
    method: 'get',
    handler: async (req) => {
      const headers = { 'cache-control': 'no-store' };
      if (!req.user)
        return Response.json(
          { title: 'Unauthorized', status: 401, detail: 'Sign in to see the platform alerts' },
          { status: 401, headers },
        );
      return Response.json(await fetchPlatformAlerts(alertsUrl, fetchImpl), { headers });
    },
  };
}
