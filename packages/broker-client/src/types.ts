/**
 * What travels over the wire, in the spec's words (ETSI GS CIM 009 v1.9.1 §5.2). The client sends
 * and receives compacted JSON; it never expands terms, so these are plain JSON shapes rather than the
 * stored form of `@legocity/ngsi-ld`.
 */
import type { JsonObject, JsonValue, ProblemDetails } from '@legocity/ngsi-ld';

/** An Entity as a request or response body: `id`, `type` and attributes by (compacted) name. */
export type EntityBody = { id: string; type: string | string[] } & JsonObject;

/** An Entity Fragment (append, update, merge bodies) or an Attribute Fragment (replace attribute). */
export type FragmentBody = JsonObject;

/** An Entity rendered as GeoJSON (`Accept: application/geo+json`, §6.3.4). */
export type GeoJsonFeature = {
  type: 'Feature';
  id: string;
  geometry: JsonValue;
  properties: JsonObject;
} & JsonObject;

/** Representation options of Retrieve Entity and Query Entities (§6.3.7). */
export type RepresentationOption = 'keyValues' | 'concise' | 'sysAttrs';

/**
 * An entity or a GeoJSON Feature, depending on the `geoJson` flag the caller passed: exact when the
 * flag is a literal, a union when it is only known at run time.
 */
export type EntityOrFeature<O> = O extends { geoJson: true }
  ? GeoJsonFeature
  : O extends { geoJson?: false | undefined }
    ? EntityBody
    : EntityBody | GeoJsonFeature;

/** BatchEntityError (§5.2.17): why one entity of a batch failed. */
export interface BatchEntityError {
  entityId: string;
  error: ProblemDetails;
  registrationId?: string;
}

/**
 * The outcome of a batch (or single-entity) write, whatever the broker answered: 201 and 204 mean
 * every entity succeeded; 207 carries a BatchOperationResult (§5.2.16). A 207 is a result, not an
 * error, so callers must look at `errors`.
 */
export interface BatchResult {
  /** Ids of the entities that were created, updated, merged or deleted. */
  success: string[];
  errors: BatchEntityError[];
  /** Create and upsert only: ids the broker reported as newly created (201 body). */
  created?: string[];
}

/** NotUpdatedDetails (§5.2.19). */
export interface NotUpdatedDetails {
  attributeName: string;
  reason: string;
  registrationId?: string;
}

/** UpdateResult (§5.2.18): the outcome of an attribute operation, 204 and 207 alike. */
export interface UpdateResult {
  updated: string[];
  notUpdated: NotUpdatedDetails[];
}

/** One page of Query Entities. */
export interface QueryResult<T> {
  entities: T[];
  /** The total number of matches, from NGSILD-Results-Count, when `count: true` was asked. */
  count?: number;
}
