/**
 * The shapes the map component works with: the view models the server gives it (defined in
 * `src/site/view-models.ts`) and the read-proxy answers it reads.
 */

export type { LayerStyle, MapLayerView, MapViewModel } from '../../site/view-models.js';

/** A GeoJSON geometry (loosely typed: the map draws whatever the broker stores). */
export interface FeatureGeometry {
  type: string;
  coordinates?: unknown;
  geometries?: unknown;
}

/** One entity as a GeoJSON feature: id = entity id, properties = keyValues attributes. */
export interface LayerFeature {
  type: 'Feature';
  id: string;
  geometry: FeatureGeometry | null;
  properties: Record<string, unknown>;
}

/** Age of the data of an answer. */
export interface DataAge {
  /** Latest `modifiedAt` among the entities, ISO 8601. */
  newestChangeAt?: string;
  /** When the proxy asked the broker, ISO 8601. */
  fetchedAt: string;
}

/** Endpoint 1: one page of a layer. */
export interface LayerPage {
  type: 'FeatureCollection';
  features: LayerFeature[];
  aggregated: boolean;
  total: number;
  page: number;
  nextPage: number | null;
  dataAge: DataAge;
  since?: string;
}

/** Endpoint 2: one `update` event of the live stream. */
export interface LiveUpdate {
  layerId: string;
  notifiedAt: string;
  features: LayerFeature[];
}

/** Endpoint 3: history of one attribute of one entity. */
export interface HistoryAnswer {
  entityId: string;
  attribute: string;
  period: string;
  points: [string, number | null][];
  dataAge?: DataAge;
}

/** Endpoint 4: value of each entity per hour over the last hours. */
export interface ReplayAnswer {
  attribute: string;
  period: string;
  steps: string[];
  values: Record<string, (number | null)[]>;
}
