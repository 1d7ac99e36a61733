import type { LayerFeature } from './map-types.js';

/** Entities of one layer by id, in arrival order. */
export type FeatureStore = ReadonlyMap<string, LayerFeature>;

/** Property that carries the entity id inside MapLibre (which drops string feature ids). */
export const ID_PROPERTY = '__id';
/** Property that carries the replayed value of the selected hour. */
export const REPLAY_PROPERTY = '__replay';

/**
 * A new store with `features` added or replacing the entity of the same id (a live update
 * carries the whole entity). The old store is left untouched, so React sees a change.
 * @example mergeFeatures(new Map(), page.features)
 */
export function mergeFeatures(
  store: FeatureStore,
  features: readonly LayerFeature[],
): FeatureStore {
  if (features.length === 0) return store;
  const next = new Map(store);
  for (const feature of features) {
    if (typeof feature?.id !== 'string') continue;
    const old = next.get(feature.id);
    next.set(
      feature.id,
      old
        ? {
            ...feature,
            properties: { ...old.properties, ...feature.properties },
            geometry: feature.geometry ?? old.geometry,
          }
        : feature,
    );
  }
  return next;
}

/** The latest `modifiedAt` among the features, if any. */
export function newestModifiedAt(features: Iterable<LayerFeature>): string | undefined {
  let newest: string | undefined;
  let newestAt = -Infinity;
  for (const feature of features) {
    const value = feature.properties.modifiedAt;
    if (typeof value !== 'string') continue;
    const at = Date.parse(value);
    if (at > newestAt) {
      newestAt = at;
      newest = value;
    }
  }
  return newest;
}

/** Only the flat values MapLibre can filter and style on (it would stringify objects). */
function flatProperties(
  properties: Record<string, unknown>,
): Record<string, string | number | boolean> {
  const flat: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(properties)) {
    if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean')
      flat[name] = value;
  }
  return flat;
}

/** A GeoJSON FeatureCollection as MapLibre's GeoJSON source takes it. */
export interface MapFeatureCollection {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    geometry: unknown;
    properties: Record<string, string | number | boolean | null>;
  }[];
}

/**
 * The store as source data: features with a geometry, flat properties plus the entity id in
 * {@link ID_PROPERTY}, and, during a replay, the value of each entity at the chosen hour in
 * {@link REPLAY_PROPERTY} (null when it had none).
 * @example (map.getSource('lc-1') as GeoJSONSource).setData(toSourceData(store))
 */
export function toSourceData(
  store: FeatureStore,
  replay?: ReadonlyMap<string, number | null>,
): MapFeatureCollection {
  const features: MapFeatureCollection['features'] = [];
  for (const [id, feature] of store) {
    if (!feature.geometry) continue;
    const properties: Record<string, string | number | boolean | null> = {
      ...flatProperties(feature.properties),
      [ID_PROPERTY]: id,
    };
    if (replay) properties[REPLAY_PROPERTY] = replay.get(id) ?? null;
    features.push({ type: 'Feature', geometry: feature.geometry, properties });
  }
  return { type: 'FeatureCollection', features };
}

/**
 * Names of the attributes holding a number in at least one feature, most frequent first.
 * Looks at the first `sample` features only, so large layers stay cheap.
 * @example numericAttributes(store.values()) // ['occupancy', 'availableSpotNumber']
 */
export function numericAttributes(features: Iterable<LayerFeature>, sample = 1000): string[] {
  const counts = new Map<string, number>();
  let seen = 0;
  for (const feature of features) {
    if (seen++ >= sample) break;
    for (const [name, value] of Object.entries(feature.properties)) {
      if (typeof value === 'number' && Number.isFinite(value))
        counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([name]) => name);
}
