import { layerData } from '../../../../../../server/layer-data.js';
import { dataRoute } from '../../../../../../server/next-data-route.js';

export const dynamic = 'force-dynamic';

/** GET /api/data/layers/{layerId}?bbox=&page=&since=&format=: one page of the layer's features. */
export const GET = dataRoute<{ layerId: string }>(
  '/api/data/layers/:layerId',
  (context, request, { layerId }) => layerData(context, layerId, new URL(request.url).searchParams),
);
