import { dashboardOps } from '../../../../ops/dashboard-ops.js';

export const dynamic = 'force-dynamic';

/** GET /health/live: the process answers (no I/O). */
export function GET(): Response {
  return Response.json(dashboardOps().health.liveness());
}
