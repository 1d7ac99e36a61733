import type { Problem } from '../errors/ngsi-ld-error.js';
import { fail, ok, type Parsed } from '../errors/result.js';
import type { ActiveContext } from '../jsonld/types.js';
import { isValidAttributeName } from '../query/index.js';
import { isUri } from '../values/index.js';
import { parseAttributeInstance } from './parse-attribute.js';
import type { Entity, EntityFragment, FragmentInstance } from './types.js';

/** What the body is for: the rules on id, type and NGSI-LD Null differ. */
export type EntityBodyMode = 'create' | 'replace' | 'fragment';

export interface ParseEntityOptions {
  context: ActiveContext;
  mode: EntityBodyMode;
  /** Largest number of attributes accepted in one entity. */
  maxAttributes?: number;
  /**
   * Whether NGSI-LD Nulls (deletion markers) are allowed; by default only in fragments. Upsert in
   * update mode takes whole entities that may delete attributes (§5.6.8.4 with §5.6.2).
   */
  allowNull?: boolean;
}

const IGNORED_MEMBERS = new Set(['@context', 'createdAt', 'modifiedAt', 'deletedAt']);
const SCOPE = /^\/(?:[^/\s#+]+(?:\/[^/\s#+]+)*)?$/;
const DEFAULT_MAX_ATTRIBUTES = 1000;
const INSTANCE_MARKERS = [
  'type',
  'value',
  'object',
  'languageMap',
  'valueList',
  'objectList',
  'json',
  'vocab',
];

/**
 * Parse an Entity or Entity Fragment from a request body into stored form (names expanded with
 * the request's @context). Reports every problem at once; system attributes are ignored.
 * ETSI GS CIM 009 v1.8.1 §5.2.4 (Entity), §5.4 (Entity Fragment), §5.5.4 (validation).
 * @example
 * const parsed = parseEntityBody(body, { context, mode: 'create' });
 * if (!parsed.ok) throw NgsiLdError.fromProblems('BadRequestData', parsed.problems);
 */
export function parseEntityBody(
  body: unknown,
  options: ParseEntityOptions,
): Parsed<EntityFragment> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return fail({ field: 'body', message: 'must be a JSON object representing an entity' });
  }
  const input = body as Record<string, unknown>;
  const problems: Problem[] = [];
  const fragment: EntityFragment = { attributes: {} };
  const allowNull = options.allowNull ?? options.mode === 'fragment';

  const id = input.id ?? input['@id'];
  if (id !== undefined) {
    if (typeof id === 'string' && isUri(id)) fragment.id = id;
    else problems.push({ field: 'id', message: 'must be a URI, e.g. urn:ngsi-ld:Vehicle:A4567' });
  } else if (options.mode === 'create') {
    problems.push({ field: 'id', message: 'is required' });
  }

  const type = input.type ?? input['@type'];
  if (type !== undefined) {
    const names = typeof type === 'string' ? [type] : Array.isArray(type) ? type : undefined;
    if (names && names.length > 0 && names.every(isTypeName)) {
      fragment.type = [...new Set(names.map((name) => options.context.expandTerm(name)))];
    } else {
      problems.push({
        field: 'type',
        message: 'must be an entity type name or a non-empty array of them',
      });
    }
  } else if (options.mode !== 'fragment') {
    problems.push({ field: 'type', message: 'is required' });
  }

  if (input.scope !== undefined) parseScope(input.scope, fragment, problems);

  let count = 0;
  for (const [name, raw] of Object.entries(input)) {
    if (name in { id: 1, '@id': 1, type: 1, '@type': 1, scope: 1 } || IGNORED_MEMBERS.has(name))
      continue;
    if (++count > (options.maxAttributes ?? DEFAULT_MAX_ATTRIBUTES)) {
      problems.push({
        field: name,
        message: `exceeds the limit of ${options.maxAttributes ?? DEFAULT_MAX_ATTRIBUTES} attributes per entity`,
      });
      break;
    }
    if (!isValidAttributeName(name)) {
      problems.push({ field: name, message: 'is not a valid attribute name' });
      continue;
    }
    const instances = parseAttribute(name, raw, options.context, allowNull, problems);
    if (instances) fragment.attributes[options.context.expandTerm(name)] = instances;
  }
  return problems.length > 0 ? fail(problems) : ok(fragment);
}

/**
 * Parse a body that must be a whole entity (create, replace): id (or the one from the path) and type.
 * @example parseEntity(body, { context, mode: 'create' })
 */
export function parseEntity(
  body: unknown,
  options: ParseEntityOptions & { id?: string },
): Parsed<Entity> {
  const parsed = parseEntityBody(body, options);
  if (!parsed.ok) return parsed;
  const { id = options.id, type, scope, attributes } = parsed.value;
  if (options.id !== undefined && id !== options.id) {
    return fail({ field: 'id', message: `must match the entity id in the path (${options.id})` });
  }
  if (id === undefined || type === undefined) return fail({ field: 'id', message: 'is required' });
  const entity: Entity = { id, type, attributes };
  if (scope) entity.scope = scope;
  return ok(entity);
}

/**
 * One attribute of a body: a single instance or an array of instances (multi-attribute, one per
 * datasetId). An array of plain values is a concise Property whose value is that array.
 * With `partial`, the body is an Attribute Fragment (§5.6.4): members to patch, no value needed.
 */
export function parseAttribute(
  name: string,
  raw: unknown,
  context: ActiveContext,
  allowNull: boolean,
  problems: Problem[],
  options: { partial?: boolean } = {},
): FragmentInstance[] | undefined {
  const before = problems.length;
  const items = isInstanceArray(raw) ? raw : [raw];
  const instances: FragmentInstance[] = [];
  const datasetIds = new Set<string>();
  items.forEach((item, index) => {
    const field = items.length > 1 ? `${name}[${index}]` : name;
    const instance = parseAttributeInstance(
      item,
      field,
      { context, allowNull, partial: options.partial },
      problems,
    );
    if (!instance) return;
    const key = instance.datasetId ?? '';
    if (datasetIds.has(key)) {
      problems.push({
        field,
        message: instance.datasetId
          ? `repeats datasetId ${key}`
          : 'repeats the default instance (no datasetId)',
      });
    }
    datasetIds.add(key);
    instances.push(instance);
  });
  return problems.length === before ? instances : undefined;
}

/** Multi-attribute instances are objects that say what they are (a type or a value member). */
function isInstanceArray(raw: unknown): raw is unknown[] {
  return (
    Array.isArray(raw) &&
    raw.length > 0 &&
    raw.every(
      (item) =>
        typeof item === 'object' &&
        item !== null &&
        !Array.isArray(item) &&
        INSTANCE_MARKERS.some((key) => key in item),
    )
  );
}

function isTypeName(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && !/\s/.test(value);
}

function parseScope(raw: unknown, fragment: EntityFragment, problems: Problem[]): void {
  const scopes = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw : undefined;
  if (
    scopes &&
    scopes.length > 0 &&
    scopes.every((s): s is string => typeof s === 'string' && SCOPE.test(s))
  ) {
    fragment.scope = [...new Set(scopes)];
  } else {
    problems.push({
      field: 'scope',
      message: 'must be a scope like "/Madrid/Centro" or an array of them',
    });
  }
}
