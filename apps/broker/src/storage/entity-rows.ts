import { canonicalJson, type Attributes, type Entity } from '@legocity/ngsi-ld';

/** A row of a tenant's `entity` table as both drivers return it. */
export interface EntityRow {
  id: string;
  types: string[];
  scopes: string[] | null;
  attrs: Attributes;
  created_at: string;
  modified_at: string;
}

export const ENTITY_COLUMNS = 'id, types, scopes, attrs, created_at, modified_at';

export function rowToEntity(row: EntityRow): Entity {
  const entity: Entity = {
    id: row.id,
    type: row.types,
    attributes: row.attrs,
    createdAt: row.created_at,
    modifiedAt: row.modified_at,
  };
  if (row.scopes && row.scopes.length > 0) entity.scope = row.scopes;
  return entity;
}

/** The JSON record that jsonb_to_recordset turns back into a row (one parameter per batch). */
export function entityToRecord(entity: Entity): Record<string, unknown> {
  return {
    id: entity.id,
    types: entity.type,
    scopes: entity.scope ?? null,
    attrs: entity.attributes,
    created_at: entity.createdAt,
    modified_at: entity.modifiedAt,
  };
}

/** One row per GeoProperty instance, for the spatial index (geo_attribute). */
export function geoRecords(entity: Entity): Record<string, unknown>[] {
  const records: Record<string, unknown>[] = [];
  for (const [name, instances] of Object.entries(entity.attributes)) {
    for (const instance of instances) {
      if (instance.type !== 'GeoProperty' || instance.value === undefined) continue;
      records.push({ e: entity.id, n: name, d: instance.datasetId ?? '', g: instance.value });
    }
  }
  return records;
}

/**
 * A comparable fingerprint of an entity's GeoProperty instances: equal fingerprints mean its
 * spatial rows need no rewrite (most updates change measurements, not places).
 */
export function geoFingerprint(entity: Entity | undefined): string {
  if (!entity) return '';
  return canonicalJson(
    geoRecords(entity)
      .map(({ n, d, g }) => [n, d, g])
      .sort(),
  );
}
