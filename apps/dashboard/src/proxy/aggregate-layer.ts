import type { BrokerClient } from '@legocity/broker-client';
import { positionsOf } from './feature-geometry.js';
import { geometryPropertyOf, type LayerConfig } from './layer-config.js';
import { brokerQueryFor, type BBox } from './layer-query.js';
import { mapLimited } from './map-limited.js';

/** A grid cell with the number of matching entities in it. */
export interface CellFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Polygon'; coordinates: [number, number][][] };
  properties: { count: number };
}

/** About this many cells across the longer side of the box. */
export const GRID_CELLS_ACROSS = 10;
/** Count queries sent to the broker at the same time. */
export const COUNT_CONCURRENCY = 8;
/** The box used when the browser gave none. */
export const WORLD_BBOX: BBox = [-180, -90, 180, 90];

interface Cell {
  id: string;
  box: BBox;
}

/**
 * Counts per grid cell for a layer with too many matches to send. Without a layer geo-query, one
 * count-only broker query per cell (limit=0, count=true, intersects the cell); with one, the
 * entities' geometries are paged through once and binned here (the broker takes one geo-query).
 * A point on a shared cell edge counts in both cells when the broker counts.
 * @example const { features, cellSize } = await aggregateLayer(client, layer, bbox, { total, pageSize: 1000 });
 */
export async function aggregateLayer(
  client: BrokerClient,
  layer: LayerConfig,
  bbox: BBox | undefined,
  paging: { total: number; pageSize: number },
): Promise<{ features: CellFeature[]; cellSize: number }> {
  const box = bbox ?? WORLD_BBOX;
  const cellSize = cellSizeFor(box);
  const cells = gridCells(box, cellSize);
  const counts = layer.geo
    ? await binByPaging(client, layer, box, cellSize, cells, paging.pageSize)
    : await mapLimited(cells, COUNT_CONCURRENCY, async (cell) => {
        const page = await client.queryEntities({
          ...brokerQueryFor(layer, cell.box),
          limit: 0,
          count: true,
        });
        return page.count ?? 0;
      });
  const features = cells
    .map((cell, index) => cellFeature(cell, counts[index] ?? 0))
    .filter((feature) => feature.properties.count > 0);
  return { features, cellSize };
}

async function binByPaging(
  client: BrokerClient,
  layer: LayerConfig,
  box: BBox,
  cellSize: number,
  cells: Cell[],
  pageSize: number,
): Promise<number[]> {
  const counts = new Map<string, number>();
  const params = {
    ...brokerQueryFor(layer, undefined),
    pick: [geometryPropertyOf(layer)],
    geoJson: true,
    options: ['keyValues' as const],
  };
  for await (const feature of client.queryAllEntities(params, { pageSize })) {
    const [position] = positionsOf(feature.geometry);
    if (!position || !isInBox(position, box)) continue;
    const id = cellId(Math.floor(position[0] / cellSize), Math.floor(position[1] / cellSize));
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return cells.map((cell) => counts.get(cell.id) ?? 0);
}

/**
 * A round cell size (1, 2 or 5 × a power of ten degrees) giving about GRID_CELLS_ACROSS cells
 * across the longer side of the box, so that cells line up between neighbouring views.
 * @example cellSizeFor([105.7, 20.9, 105.9, 21.1]) // 0.02
 */
export function cellSizeFor(bbox: BBox): number {
  const span = Math.max(bbox[2] - bbox[0], bbox[3] - bbox[1]);
  const raw = span / GRID_CELLS_ACROSS;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].find((factor) => factor * power >= raw * (1 - 1e-9)) ?? 10;
  return Number((step * power).toPrecision(6));
}

/** The cells of a grid aligned on multiples of `cellSize`, clipped to the box. */
export function gridCells(bbox: BBox, cellSize: number): Cell[] {
  const [minLon, minLat, maxLon, maxLat] = bbox;
  const cells: Cell[] = [];
  for (let iy = Math.floor(minLat / cellSize); iy * cellSize < maxLat; iy += 1) {
    for (let ix = Math.floor(minLon / cellSize); ix * cellSize < maxLon; ix += 1) {
      const box: BBox = [
        Math.max(minLon, round(ix * cellSize)),
        Math.max(minLat, round(iy * cellSize)),
        Math.min(maxLon, round((ix + 1) * cellSize)),
        Math.min(maxLat, round((iy + 1) * cellSize)),
      ];
      if (box[0] < box[2] && box[1] < box[3]) cells.push({ id: cellId(ix, iy), box });
    }
  }
  return cells;
}

function cellFeature(cell: Cell, count: number): CellFeature {
  const [minLon, minLat, maxLon, maxLat] = cell.box;
  return {
    type: 'Feature',
    id: cell.id,
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [minLon, minLat],
          [maxLon, minLat],
          [maxLon, maxLat],
          [minLon, maxLat],
          [minLon, minLat],
        ],
      ],
    },
    properties: { count },
  };
}

function cellId(ix: number, iy: number): string {
  return `cell:${ix}:${iy}`;
}

function isInBox([lon, lat]: [number, number], [minLon, minLat, maxLon, maxLat]: BBox): boolean {
  return lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat;
}

function round(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}
