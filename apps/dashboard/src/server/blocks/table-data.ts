import {
  fetchLayer,
  type DataAge,
  type LayerAnswer,
  type LayerConfig,
  type TtlCache,
} from '../../proxy/index.js';
import { attributeValue } from './attribute-value.js';

/** What an entity table shows. */
export interface TableAnswer {
  kind: 'table';
  columns: string[];
  rows: { id: string; values: Record<string, unknown> }[];
  /** Matching entities; rows holds the first `pageSize` by id. */
  total: number;
  dataAge: DataAge;
}

/** The rows of a table block, its entities read through the shared cache. */
export async function tableData(
  layer: LayerConfig,
  columns: string[],
  pageSize: number,
  cache: TtlCache<LayerAnswer>,
): Promise<TableAnswer> {
  const answer = await cache.get(`block:${layer.id}`, () => fetchLayer(layer, { bbox: undefined }));
  const features = answer.aggregated ? [] : [...answer.features];
  features.sort((a, b) => a.id.localeCompare(b.id));
  return {
    kind: 'table',
    columns,
    rows: features.slice(0, pageSize).map((feature) => ({
      id: feature.id,
      values: Object.fromEntries(
        columns.map((column) => [column, attributeValue(feature.properties[column]) ?? null]),
      ),
    })),
    total: answer.total,
    dataAge: answer.dataAge,
  };
}
