/**
 * The NGSI-LD information model in the spec's words (ETSI GS CIM 009 v1.8.1 §4.5, §5.2).
 *
 * Inside LegoCity an entity is always held in its *stored form*: every name (entity types,
 * attribute names, sub-attribute names, vocab values) is an expanded IRI, every attribute is a
 * list of instances (one per datasetId; the default instance has none), and system attributes
 * (createdAt, modifiedAt) are set. Parsers turn request bodies into this form; formatters turn it
 * back into normalized, concise, keyValues or GeoJSON output compacted with the caller's @context.
 */

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export const ATTRIBUTE_TYPES = [
  'Property',
  'Relationship',
  'GeoProperty',
  'LanguageProperty',
  'ListProperty',
  'ListRelationship',
  'JsonProperty',
  'VocabProperty',
] as const;

export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

/** The NGSI-LD Null (§4.5.?: "urn:ngsi-ld:null"), used by merge to delete. */
export const NGSI_LD_NULL = 'urn:ngsi-ld:null';

/** One instance of an attribute (a Property, Relationship, ... with one datasetId) in stored form. */
export interface AttributeInstance {
  type: AttributeType;
  /** Property: any JSON value. GeoProperty: a GeoJSON geometry. */
  value?: JsonValue;
  /** Relationship: the target entity URI (or URIs). */
  object?: string | string[];
  /** Relationship / ListRelationship: expanded type IRI(s) of the target entity. */
  objectType?: string | string[];
  /** LanguageProperty: BCP 47 tag (or "@none") → string or strings. */
  languageMap?: Record<string, string | string[]>;
  /** ListProperty: the ordered values. */
  valueList?: JsonValue[];
  /** ListRelationship: the ordered target entity URIs. */
  objectList?: string[];
  /** JsonProperty: a JSON value kept verbatim (never expanded). */
  json?: JsonValue;
  /** VocabProperty: expanded IRI(s). */
  vocab?: string | string[];
  datasetId?: string;
  observedAt?: string;
  unitCode?: string;
  createdAt?: string;
  modifiedAt?: string;
  /** Sub-attributes (attributes of this attribute) by expanded name. */
  sub?: Record<string, AttributeInstance>;
}

/** Attribute name (expanded IRI) → its instances; never an empty list. */
export type Attributes = Record<string, AttributeInstance[]>;

/** An entity in stored form. */
export interface Entity {
  /** The entity id: a URI. */
  id: string;
  /** Expanded entity type IRIs; at least one. */
  type: string[];
  /** Scopes (§4.18), e.g. "/Madrid/Centro". */
  scope?: string[];
  createdAt?: string;
  modifiedAt?: string;
  attributes: Attributes;
}

/**
 * A partial entity from an update, append, merge or upsert body: id and type may be absent;
 * attributes may hold NGSI-LD Null markers (`deleted: true`) when parsed for merge.
 */
export interface EntityFragment {
  id?: string;
  type?: string[];
  scope?: string[];
  attributes: Record<string, FragmentInstance[]>;
}

/**
 * An attribute instance in an update body. `deleted` marks an NGSI-LD Null (§4.5.x); `inferred`
 * says the type was inferred from a concise body (merge then keeps a pre-existing type, §5.6.17).
 * Member values equal to NGSI_LD_NULL (e.g. `unitCode`) delete that member in partial updates.
 */
export type FragmentInstance = AttributeInstance & { deleted?: boolean; inferred?: boolean };

/** Members of an attribute instance that hold its value, by attribute type (§4.5). */
export const VALUE_MEMBER: Record<AttributeType, keyof AttributeInstance> = {
  Property: 'value',
  GeoProperty: 'value',
  Relationship: 'object',
  LanguageProperty: 'languageMap',
  ListProperty: 'valueList',
  ListRelationship: 'objectList',
  JsonProperty: 'json',
  VocabProperty: 'vocab',
};

/** Names that can never be attribute names (§4.6.2, §5.2.4). */
export const RESERVED_ENTITY_MEMBERS = new Set([
  'id',
  '@id',
  'type',
  '@type',
  'scope',
  '@context',
  'createdAt',
  'modifiedAt',
  'deletedAt',
]);

/** Members of an attribute instance that are not sub-attributes (§4.5.2–§4.5.x). */
export const INSTANCE_MEMBERS = new Set([
  'type',
  'value',
  'object',
  'objectType',
  'languageMap',
  'valueList',
  'objectList',
  'json',
  'vocab',
  'datasetId',
  'observedAt',
  'unitCode',
  'createdAt',
  'modifiedAt',
  'deletedAt',
  'instanceId',
  'lang',
  'previousValue',
  'previousObject',
  'previousLanguageMap',
  'previousValueList',
  'previousObjectList',
  'previousJson',
  'previousVocab',
]);

/** The core GeoProperties (§4.7): location, observationSpace, operationSpace. */
export const CORE_GEO_PROPERTIES = ['location', 'observationSpace', 'operationSpace'] as const;
