/**
 * What the public site's server components hand to its client components: everything a browser
 * needs to draw a map view or a page, and nothing it must not see (no broker URL, tenant or key —
 * layers and blocks are named by id and read through /api/data/…).
 */

export type LayerStyle = 'points' | 'clusters' | 'heatmap' | 'lines' | 'polygons' | 'choropleth';

/** One layer of a map view, as the browser sees it. */
export interface MapLayerView {
  /** The layer's row id: the browser reads its data at /api/data/layers/{id}. */
  id: string;
  label: string;
  entityType: string;
  style: LayerStyle;
  colour: string;
  choroplethAttribute?: string;
  icon?: string;
  popupTemplate?: string;
  refresh: 'interval' | 'live';
  refreshSeconds: number;
}

/** A map view, as the browser sees it. */
export interface MapViewModel {
  id: string;
  title: string;
  slug: string;
  centre: { lon: number; lat: number; zoom: number };
  /** [west, south, east, north] when the view is bounded. */
  bounds?: [number, number, number, number];
  /** `offline` (the bundled basemap) or a MapLibre style URL. */
  basemap: string;
  layers: MapLayerView[];
}

/** A threshold of a KPI card: the colour from the highest `from` the value reaches. */
export interface KpiThreshold {
  from: number;
  colour: string;
}

/** One block of a page; data blocks read /api/data/blocks/{id}. */
export type BlockView =
  | { id: string; blockType: 'kpi'; title?: string; unit?: string; thresholds: KpiThreshold[] }
  | { id: string; blockType: 'table'; title?: string; columns: string[] }
  | { id: string; blockType: 'timeSeries'; title?: string; attribute: string }
  | { id: string; blockType: 'map'; height: number; map: MapViewModel }
  | { id: string; blockType: 'richText'; text: string };

/** A page of blocks, as the browser sees it. */
export interface PageViewModel {
  id: string;
  title: string;
  slug: string;
  blocks: BlockView[];
}

/** What `/` shows: the page `home`, else the first public map view. */
export type HomeView = { kind: 'page'; page: PageViewModel } | { kind: 'map'; map: MapViewModel };
