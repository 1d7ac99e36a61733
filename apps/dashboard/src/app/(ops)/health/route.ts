import { healthHttpStatus } from '@legocity/observability';
import { dashboardOps } from '../../../ops/dashboard-ops.js';

export const dynamic = 'force-dynamic';

/** GET /health: readiness with version, commit, uptime and every check (CMS database, broker). */
export async function GET(): Promise<Response> {
  const summary = await dashboardOps().health.summary();
  return Response.json(summary, { status: healthHttpStatus(summary) });
}
