import { dashboardOps } from '../../../../../ops/dashboard-ops.js';
import { nextDataServices } from '../../../../../server/next-data-route.js';
import { notify } from '../../../../../server/notify.js';

export const dynamic = 'force-dynamic';

/** POST /api/data/notify: broker notifications for live layers (token-checked, not for browsers). */
export async function POST(request: Request): Promise<Response> {
  const { live } = await nextDataServices();
  return notify(live, request, (error, status) => {
    if (status >= 500) dashboardOps().logger.warn({ err: error, status }, 'notification failed');
  });
}
