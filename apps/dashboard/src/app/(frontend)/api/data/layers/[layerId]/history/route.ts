import { layerHistory } from '../../../../../../../server/layer-history.js';
import { dataRoute } from '../../../../../../../server/next-data-route.js';

export const dynamic = 'force-dynamic';

/** GET /api/data/layers/{layerId}/history?entity=&attribute=&hours=: one entity's chart data. */
export const GET = dataRoute<{ layerId: string }>(
  '/api/data/layers/:layerId/history',
  (context, request, { layerId }) =>
    layerHistory(context, layerId, new URL(request.url).searchParams),
);
