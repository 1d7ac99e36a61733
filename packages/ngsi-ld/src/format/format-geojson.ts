import type { Entity, JsonObject, JsonValue } from '../entity/types.js';
import { formatEntityMembers, projection } from './format-entity.js';
import type { GeoJsonFormatOptions } from './format-options.js';
import { isGeometry } from '../values/geometry-shape.js';
import { createRenderer, type Renderer } from './renderer.js';

/**
 * An entity as a GeoJSON Feature (ETSI GS CIM 009 v1.8.1 §4.5.16.2; §4.5.17.1 with keyValues):
 * id, type "Feature", the geometry of the selected GeoProperty, and properties holding the entity
 * type and the attributes (the selected GeoProperty too) in the chosen representation. The id is
 * not repeated in properties.
 *
 * pick/omit apply to the attributes only: id, geometry and properties.type are mandatory in a Feature.
 * @example formatEntityAsFeature(entity, { ...options, geometryProperty: 'https://uri.etsi.org/ngsi-ld/location' })
 */
export function formatEntityAsFeature(entity: Entity, options: GeoJsonFormatOptions): JsonObject {
  const feature = toFeature(entity, createRenderer(options), options);
  if (options.includeContext) feature['@context'] = options.context.definition;
  return feature;
}

/**
 * Entities as a GeoJSON FeatureCollection (§4.5.16.3, §4.5.17.2); the @context, when asked for,
 * appears once at the top and not in each Feature.
 * @example formatEntitiesAsFeatureCollection(entities, { ...options, geometryProperty }) // { type: 'FeatureCollection', features: [...] }
 */
export function formatEntitiesAsFeatureCollection(
  entities: Entity[],
  options: GeoJsonFormatOptions,
): JsonObject {
  const renderer = createRenderer(options);
  const collection: JsonObject = {
    type: 'FeatureCollection',
    features: entities.map((entity) => toFeature(entity, renderer, options)),
  };
  if (options.includeContext) collection['@context'] = options.context.definition;
  return collection;
}

function toFeature(entity: Entity, renderer: Renderer, options: GeoJsonFormatOptions): JsonObject {
  const isShown = projection(options);
  return {
    id: entity.id,
    type: 'Feature',
    geometry: selectGeometry(entity, options.geometryProperty),
    properties: formatEntityMembers(
      entity,
      renderer,
      (member) => member === 'type' || isShown(member),
    ),
  };
}

/**
 * §4.5.16.1: the value of the default instance of the GeoProperty, or null when the entity lacks
 * it or its value is not a GeoJSON geometry. We take no datasetId parameter, so an attribute with
 * only datasetId instances gives null.
 */
function selectGeometry(entity: Entity, geometryProperty: string): JsonValue {
  const instance = entity.attributes[geometryProperty]?.find(
    (candidate) => candidate.datasetId === undefined,
  );
  return instance?.type === 'GeoProperty' && isGeometry(instance.value) ? instance.value : null;
}
