import { healthHttpStatus } from '@legocity/observability';
import { dashboardOps } from '../../../../ops/dashboard-ops.js';

export const dynamic = 'force-dynamic';

/** GET /health/ready: 200 when the CMS database answers, 503 otherwise. */
export async function GET(): Promise<Response> {
  const report = await dashboardOps().health.readiness();
  return Response.json(report, { status: healthHttpStatus(report) });
}
