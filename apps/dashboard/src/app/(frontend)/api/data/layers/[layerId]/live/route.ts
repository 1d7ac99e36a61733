import { layerLive } from '../../../../../../../server/layer-live.js';
import { dataRoute } from '../../../../../../../server/next-data-route.js';

export const dynamic = 'force-dynamic';

/** GET /api/data/layers/{layerId}/live: server-sent events of the layer's changes. */
export const GET = dataRoute<{ layerId: string }>(
  '/api/data/layers/:layerId/live',
  (context, request, { layerId }) => layerLive(context, layerId, request.signal),
);
