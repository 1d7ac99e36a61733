import { layerReplay } from '../../../../../../../server/layer-replay.js';
import { dataRoute } from '../../../../../../../server/next-data-route.js';

export const dynamic = 'force-dynamic';

/** GET /api/data/layers/{layerId}/replay?attribute=&hours=: hourly values for the time slider. */
export const GET = dataRoute<{ layerId: string }>(
  '/api/data/layers/:layerId/replay',
  (context, request, { layerId }) =>
    layerReplay(context, layerId, new URL(request.url).searchParams),
);
