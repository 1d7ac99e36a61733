import { blockData } from '../../../../../../server/block-data.js';
import { dataRoute } from '../../../../../../server/next-data-route.js';

export const dynamic = 'force-dynamic';

/** GET /api/data/blocks/{blockId}: the data of a KPI, table or time-series block. */
export const GET = dataRoute<{ blockId: string }>(
  '/api/data/blocks/:blockId',
  (context, _request, { blockId }) => blockData(context, blockId),
);
