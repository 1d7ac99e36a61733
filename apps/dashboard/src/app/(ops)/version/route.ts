import { dashboardOps } from '../../../ops/dashboard-ops.js';

export const dynamic = 'force-dynamic';

/** GET /version: component, version, commit, Node version, start time and uptime. */
export function GET(): Response {
  return Response.json(dashboardOps().version());
}
