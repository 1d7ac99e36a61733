import {
  formatEntity,
  type ActiveContext,
  type AttributeInstance,
  type JsonObject,
  type JsonValue,
} from '@legocity/ngsi-ld';
import type { AggregatedPeriod, RecordedInstance, TemporalEntity } from './read-history.js';
import type { TemporalQuery } from './temporal-query.js';

export interface TemporalFormatOptions {
  context: ActiveContext;
  query: Pick<TemporalQuery, 'representation' | 'sysAttrs'>;
  /** application/ld+json: add "@context" to the body. */
  includeContext: boolean;
}

/** §4.5.9: the member holding the pairs, and the value of one instance, per attribute type. */
const SIMPLIFIED: Record<
  AttributeInstance['type'],
  { member: string; value: (i: AttributeInstance, context: ActiveContext) => JsonValue }
> = {
  Property: { member: 'values', value: (i) => i.value ?? null },
  GeoProperty: { member: 'values', value: (i) => i.value ?? null },
  Relationship: { member: 'objects', value: (i) => i.object ?? null },
  LanguageProperty: {
    member: 'languageMaps',
    value: (i) => ({ languageMap: i.languageMap ?? {} }),
  },
  ListProperty: { member: 'valueLists', value: (i) => i.valueList ?? [] },
  ListRelationship: { member: 'objectLists', value: (i) => i.objectList ?? [] },
  JsonProperty: { member: 'jsons', value: (i) => ({ json: i.json ?? null }) },
  VocabProperty: {
    member: 'vocabs',
    value: (i, context) => ({
      vocab:
        typeof i.vocab === 'string'
          ? context.compactVocabValue(i.vocab)
          : (i.vocab ?? []).map((v) => context.compactVocabValue(v)),
    }),
  },
};

/**
 * The temporal evolution of an entity as a response body (ETSI GS CIM 009 v1.8.1): the temporal
 * representation (§4.5.6–§4.5.8: every attribute an array of its instances, in time order), the
 * simplified one (§4.5.9, options=temporalValues: `values`, `objects`, … as [value, time] pairs)
 * or the aggregated one (§4.5.19: per method [value, start, end] triples). An attribute with
 * several datasetIds gives one object per datasetId in the simplified and aggregated forms.
 * @example formatTemporalEntity(entity, { context, query: { representation: 'temporalValues', sysAttrs: false }, includeContext: false })
 */
export function formatTemporalEntity(
  entity: TemporalEntity,
  options: TemporalFormatOptions,
): JsonObject {
  const { context, query } = options;
  let body: JsonObject;
  if (query.representation === 'normalized') {
    body = normalized(entity, options);
  } else {
    body = { id: entity.id, type: typesOf(entity, context) };
    const members =
      query.representation === 'aggregatedValues'
        ? Object.entries(entity.periods).map(
            ([name, periods]) => [name, aggregated(periods)] as const,
          )
        : Object.entries(entity.instances).map(
            ([name, instances]) => [name, simplified(instances, context)] as const,
          );
    const compacted = members
      .map(([name, value]) => [context.compactIri(name), value] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [name, value] of compacted) body[name] = value;
  }
  if (options.includeContext) body['@context'] = context.definition;
  return body;
}

function normalized(entity: TemporalEntity, options: TemporalFormatOptions): JsonObject {
  const attributes = Object.fromEntries(
    Object.entries(entity.instances).map(([name, recorded]) => [
      name,
      recorded.map((r) => r.instance),
    ]),
  );
  const body = formatEntity(
    { id: entity.id, type: entity.types, attributes },
    {
      context: options.context,
      representation: 'normalized',
      sysAttrs: options.query.sysAttrs,
      includeContext: false,
    },
  );
  // §4.5.7/§4.5.8 allow a single object for one instance; an array always is easier to consume.
  for (const [name, value] of Object.entries(body)) {
    if (name !== 'id' && name !== 'type' && !Array.isArray(value)) body[name] = [value];
  }
  return body;
}

function simplified(recorded: readonly RecordedInstance[], context: ActiveContext): JsonValue {
  return byDataset(
    recorded,
    (r) => r.instance.datasetId ?? '',
    (items, datasetId) => {
      const first = items[0] as RecordedInstance;
      const shape = SIMPLIFIED[first.instance.type] ?? SIMPLIFIED.Property;
      const pairs = items.map((r) => [
        (SIMPLIFIED[r.instance.type] ?? shape).value(r.instance, context),
        r.time,
      ]);
      return withDataset({ type: first.instance.type, [shape.member]: pairs }, datasetId);
    },
  );
}

function aggregated(periods: readonly AggregatedPeriod[]): JsonValue {
  return byDataset(
    periods,
    (p) => p.datasetId,
    (items, datasetId) => {
      const first = items[0] as AggregatedPeriod;
      const body: JsonObject = { type: first.type };
      for (const method of Object.keys(first.values)) {
        body[method] = items.map((p) => [(p.values[method] ?? null) as JsonValue, p.time, p.end]);
      }
      return withDataset(body, datasetId);
    },
  );
}

/** One object per datasetId; a single one (the usual case) is not wrapped in an array. */
function byDataset<T>(
  items: readonly T[],
  datasetOf: (item: T) => string,
  render: (items: T[], datasetId: string) => JsonObject,
): JsonValue {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = datasetOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  const rendered = [...groups].map(([datasetId, group]) => render(group, datasetId));
  return rendered.length === 1 ? (rendered[0] as JsonObject) : rendered;
}

function withDataset(body: JsonObject, datasetId: string): JsonObject {
  return datasetId === '' ? body : { ...body, datasetId };
}

function typesOf(entity: TemporalEntity, context: ActiveContext): JsonValue {
  const types = entity.types.map((type) => context.compactIri(type));
  return types.length === 1 ? (types[0] as string) : types;
}
