import type { AttributeStatus, DataModelAttribute, DataModelContract } from './data-model.js';

/**
 * Read a data-models document (or the data of a save) as the change rules see it. Empty texts
 * and nulls become undefined; a missing status is `active` (models stored before attributes had
 * a lifecycle). Undefined when a value the rules need is missing or not text — the entity type,
 * the version, an attribute's name or kind: Payload's own field validation reports those.
 * @example readDataModel({ entityType: 'AirQualityObserved', version: '1.0.0', attributes: [] })
 */
export function readDataModel(doc: unknown): DataModelContract | undefined {
  if (!isRecord(doc)) return undefined;
  const { entityType, version } = doc;
  if (!isText(entityType) || typeof version !== 'string') return undefined;
  const rows = doc.attributes ?? [];
  if (!Array.isArray(rows)) return undefined;
  const attributes: DataModelAttribute[] = [];
  for (const row of rows) {
    const attribute = readAttribute(row);
    if (attribute === undefined) return undefined;
    attributes.push(attribute);
  }
  return withoutUndefined({
    entityType,
    version,
    idPattern: optionalText(doc.idPattern),
    description: optionalText(doc.description),
    attributes,
  });
}

function readAttribute(row: unknown): DataModelAttribute | undefined {
  if (!isRecord(row) || !isText(row.name) || !isText(row.kind)) return undefined;
  const status: AttributeStatus = row.status === 'deprecated' ? 'deprecated' : 'active';
  return withoutUndefined({
    name: row.name,
    kind: row.kind,
    valueType: optionalText(row.valueType),
    unitCode: optionalText(row.unitCode),
    description: optionalText(row.description),
    status,
    replacedBy: status === 'deprecated' ? optionalText(row.replacedBy) : undefined,
    deprecatedIn: status === 'deprecated' ? optionalText(row.deprecatedIn) : undefined,
  });
}

function optionalText(value: unknown): string | undefined {
  return isText(value) ? value : undefined;
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Drops undefined members, so that values compare and print the same however they were read. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, member]) => member !== undefined),
  ) as T;
}
