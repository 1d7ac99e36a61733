import type { JsonValue } from '@legocity/ngsi-ld';

/** Where a layer's data comes from: a configured broker, reached with its read key (server side). */
export interface LayerBroker {
  /** Internal broker origin, e.g. "http://127.0.0.1:1026". Never sent to the browser. */
  url: string;
  /** NGSILD-Tenant; absent → the default tenant. */
  tenant?: string;
  /** An API key with read scope on the tenant. Never sent to the browser, never logged. */
  readKey: string;
}

/** A geo-query fixed by the layer's author (ETSI GS CIM 009 §4.10), e.g. a district polygon. */
export interface LayerGeoFilter {
  georel: string;
  geometry: string;
  /** JSON text or the coordinates array itself. */
  coordinates: string | JsonValue[];
  geoproperty?: string;
}

/**
 * A configured map layer: what the browser may read, decided by an editor in the CMS. The browser
 * only names the layer by `id`; everything else stays on the server.
 * @example const layer: LayerConfig = { id: 'air', broker: { url, readKey }, entityType: 'AirQualityObserved' };
 */
export interface LayerConfig {
  id: string;
  broker: LayerBroker;
  entityType: string;
  /** NGSI-LD q filter, e.g. "pm25>35". */
  q?: string;
  geo?: LayerGeoFilter;
  /** Attributes shown to the browser (popups, styling); absent → all. */
  attributes?: string[];
  /** The GeoProperty drawn on the map; default "location". */
  geometryProperty?: string;
}

/** The GeoProperty drawn for a layer. */
export function geometryPropertyOf(layer: LayerConfig): string {
  return layer.geometryProperty ?? 'location';
}
