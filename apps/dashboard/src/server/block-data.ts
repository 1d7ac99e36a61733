import { ProxyError } from '../proxy/index.js';
import { blockBroker } from './blocks/block-layer.js';
import { findBlock } from './blocks/find-block.js';
import { kpiData } from './blocks/kpi-data.js';
import { tableData } from './blocks/table-data.js';
import { timeSeriesData } from './blocks/time-series-data.js';
import type { DataContext } from './data-context.js';
import { cacheControl, jsonResponse, problemResponse } from './respond.js';

const DEFAULT_TABLE_ROWS = 50;

/**
 * GET /api/data/blocks/{blockId}: the data of one KPI, table or time-series block of a page the
 * reader may see (everything but the block id comes from the page's configuration).
 * @example return blockData(context, params.blockId);
 */
export async function blockData(
  context: DataContext,
  blockId: string,
  now: () => Date = () => new Date(),
): Promise<Response> {
  try {
    context.services.rateLimiter.check(context.client);
    const found = await findBlock(context.payload, blockId, context.reader);
    if (!found) throw new ProxyError('UnknownBlock', 'This block does not exist');
    const { block } = found;
    const answer = await (async () => {
      switch (block.blockType) {
        case 'kpi': {
          const broker = await blockBroker(context.payload, block.broker);
          const layer = {
            id: blockId,
            broker,
            entityType: block.entityType,
            attributes: [block.attribute],
          };
          return kpiData(
            layer,
            block.attribute,
            block.aggregate ?? 'avg',
            block.unit ?? undefined,
            context.services.cache,
            context.services.temporalCache,
            now(),
          );
        }
        case 'table': {
          const broker = await blockBroker(context.payload, block.broker);
          const columns = (block.attributes ?? []).map((attribute) => attribute.name);
          const layer = {
            id: blockId,
            broker,
            entityType: block.entityType,
            ...(block.q && { q: block.q }),
            attributes: columns,
          };
          return tableData(
            layer,
            columns,
            block.pageSize ?? DEFAULT_TABLE_ROWS,
            context.services.cache,
          );
        }
        case 'timeSeries': {
          const broker = await blockBroker(context.payload, block.broker);
          const query = {
            entityId: block.entityId,
            attribute: block.attribute,
            period: block.aggregationPeriod ?? 'PT1H',
            method: block.aggregationMethod ?? 'avg',
            lastHours: block.lastHours ?? 24,
          };
          return context.services.temporalCache.get(JSON.stringify(['block', blockId]), () =>
            timeSeriesData(broker, query, now()),
          );
        }
        default:
          throw new ProxyError('UnknownBlock', 'This block has no data to read');
      }
    })();
    return jsonResponse(answer, { headers: { 'cache-control': cacheControl(found.isPublic) } });
  } catch (error) {
    return problemResponse(error, context.onError);
  }
}
