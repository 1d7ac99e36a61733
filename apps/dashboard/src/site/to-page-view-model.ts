import type { MapView, Page } from '../payload-types.js';
import { lexicalText } from './lexical-text.js';
import { toMapViewModel } from './to-map-view-model.js';
import type { BlockView, PageViewModel } from './view-models.js';

type PageBlock = NonNullable<Page['blocks']>[number];

const DEFAULT_MAP_HEIGHT = 480;

/**
 * The browser's view of a page: its blocks in order, data blocks by row id only. A map block whose
 * map view the reader may not see (or that was deleted) is left out.
 * @example toPageViewModel(page, (id) => mapViewsById.get(id))
 */
export function toPageViewModel(
  doc: Page,
  readableMapView: (id: number) => MapView | undefined,
): PageViewModel {
  return {
    id: String(doc.id),
    title: doc.title,
    slug: doc.slug,
    blocks: (doc.blocks ?? []).flatMap((block) => {
      const view = toBlockView(block, readableMapView);
      return view ? [view] : [];
    }),
  };
}

function toBlockView(
  block: PageBlock,
  readableMapView: (id: number) => MapView | undefined,
): BlockView | undefined {
  const id = block.id;
  if (!id) return undefined;
  const title = 'title' in block && block.title ? { title: block.title } : {};
  switch (block.blockType) {
    case 'kpi':
      return {
        id,
        blockType: 'kpi',
        ...title,
        ...(block.unit && { unit: block.unit }),
        thresholds: (block.thresholds ?? []).map((threshold) => ({
          from: threshold.from,
          colour: threshold.colour || '#2ca02c',
        })),
      };
    case 'table':
      return {
        id,
        blockType: 'table',
        ...title,
        columns: (block.attributes ?? []).map((attribute) => attribute.name),
      };
    case 'timeSeries':
      return { id, blockType: 'timeSeries', ...title, attribute: block.attribute };
    case 'map': {
      const mapViewId = typeof block.mapView === 'object' ? block.mapView.id : block.mapView;
      const mapView = readableMapView(mapViewId);
      if (!mapView) return undefined;
      return {
        id,
        blockType: 'map',
        height: block.height ?? DEFAULT_MAP_HEIGHT,
        map: toMapViewModel(mapView),
      };
    }
    case 'richText':
      return { id, blockType: 'richText', text: lexicalText(block.content) };
  }
}
