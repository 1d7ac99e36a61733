import { dashboardOps } from '../../../ops/dashboard-ops.js';

export const dynamic = 'force-dynamic';

/** GET /metrics: Prometheus text format, names prefixed `legocity_dashboard_`. */
export async function GET(): Promise<Response> {
  const { contentType, body } = await dashboardOps().metrics.render();
  return new Response(body, { headers: { 'content-type': contentType } });
}
