import type { Entity, JsonObject } from '../entity/types.js';
import { formatAttribute } from './format-attribute.js';
import type { FormatOptions } from './format-options.js';
import { createRenderer, type Renderer } from './renderer.js';

/** Whether a member shows: an expanded attribute IRI, or "id", "type", "scope". */
export type MemberFilter = (member: string) => boolean;

/**
 * A stored-form entity as a response body in the requested representation, every name compacted
 * with the request's @context (ETSI GS CIM 009 v1.8.1 §4.5.1 normalized, §4.5.2.3/§4.5.3.3 concise,
 * §4.5.4 simplified). Members come in a fixed order: id, type, scope, createdAt, modifiedAt, then
 * attributes sorted by their compacted names, then "@context" when asked for.
 * @example
 * formatEntity(entity, { context, representation: 'keyValues', sysAttrs: false, includeContext: false })
 * // { id: 'urn:ngsi-ld:Vehicle:A4567', type: 'Vehicle', speed: 80 }
 */
export function formatEntity(entity: Entity, options: FormatOptions): JsonObject {
  const isShown = projection(options);
  const body: JsonObject = {};
  if (isShown('id')) body.id = entity.id;
  Object.assign(body, formatEntityMembers(entity, createRenderer(options), isShown));
  if (options.includeContext) body['@context'] = options.context.definition;
  return body;
}

/**
 * Everything of an entity but its id and @context, in output order: type, scope, system
 * attributes, attributes. GeoJSON puts these in a Feature's "properties".
 */
export function formatEntityMembers(
  entity: Entity,
  renderer: Renderer,
  isShown: MemberFilter,
): JsonObject {
  const { context } = renderer;
  const members: JsonObject = {};
  if (isShown('type'))
    members.type = oneOrMany(entity.type.map((type) => context.compactIri(type)));
  if (entity.scope && entity.scope.length > 0 && isShown('scope'))
    members.scope = oneOrMany(entity.scope);
  if (renderer.sysAttrs) {
    if (entity.createdAt !== undefined) members.createdAt = entity.createdAt;
    if (entity.modifiedAt !== undefined) members.modifiedAt = entity.modifiedAt;
  }
  const attributes = Object.entries(entity.attributes)
    .filter(([iri]) => isShown(iri))
    .map(([iri, instances]) => [context.compactIri(iri), instances] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [name, instances] of attributes) {
    const value = formatAttribute(instances, renderer);
    if (value !== undefined) members[name] = value;
  }
  return members;
}

/**
 * The pick/omit projection (ETSI GS CIM 009 v1.8.1 §4.21) as a member filter: a member shows when
 * pick (if given) names it and omit (if given) does not.
 * @example projection({ pick: new Set(['id', 'https://uri.etsi.org/ngsi-ld/location']) })('type') // false
 */
export function projection(options: Pick<FormatOptions, 'pick' | 'omit'>): MemberFilter {
  const { pick, omit } = options;
  if (!pick && !omit) return () => true;
  return (member) =>
    (pick === undefined || pick.has(member)) && (omit === undefined || !omit.has(member));
}

/** One value as itself, several as an array (entity types, scopes: §4.5.1). */
function oneOrMany(values: string[]): string | string[] {
  const [only] = values;
  return values.length === 1 && only !== undefined ? only : values;
}
