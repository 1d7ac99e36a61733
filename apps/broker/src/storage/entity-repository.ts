import type { Entity } from '@legocity/ngsi-ld';
import type { Queryable } from './database.js';
import {
  ENTITY_COLUMNS,
  entityToRecord,
  geoRecords,
  hasGeoProperty,
  rowToEntity,
  type EntityRow,
} from './entity-rows.js';
import { quoteIdentifier } from './sql-params.js';

const RECORD_SHAPE =
  'x(id text, types text[], scopes text[], attrs jsonb, created_at timestamptz, modified_at timestamptz)';

/**
 * Reads and writes entities of one tenant schema. Batches travel as ONE jsonb parameter
 * (jsonb_to_recordset): one round trip per batch, whatever its size.
 */
export class EntityRepository {
  readonly entityTable: string;
  readonly geoTable: string;
  private readonly sql: Record<
    'select' | 'lock' | 'insert' | 'update' | 'delete' | 'geoDelete' | 'geoInsert',
    string
  >;

  constructor(readonly schema: string) {
    const s = quoteIdentifier(schema);
    this.entityTable = `${s}.entity`;
    this.geoTable = `${s}.geo_attribute`;
    this.sql = {
      select: `select ${ENTITY_COLUMNS} from ${this.entityTable} where id = any($1::text[])`,
      lock: `select ${ENTITY_COLUMNS} from ${this.entityTable} where id = any($1::text[]) order by id for update`,
      insert: `insert into ${this.entityTable} (${ENTITY_COLUMNS})
        select ${ENTITY_COLUMNS} from jsonb_to_recordset($1::jsonb) as ${RECORD_SHAPE}
        on conflict (id) do nothing returning id`,
      update: `update ${this.entityTable} e set types = x.types, scopes = x.scopes, attrs = x.attrs,
        created_at = x.created_at, modified_at = x.modified_at
        from jsonb_to_recordset($1::jsonb) as ${RECORD_SHAPE} where e.id = x.id returning e.id`,
      delete: `delete from ${this.entityTable} where id = any($1::text[]) returning ${ENTITY_COLUMNS}`,
      geoDelete: `delete from ${this.geoTable} where entity_id = any($1::text[])`,
      // The index column is 2D: positions with an altitude (RFC 7946 §3.1.1) index by longitude
      // and latitude, as the 2D geo-queries of §4.10 compare them; the entity keeps the altitude.
      geoInsert: `insert into ${this.geoTable} (entity_id, name, dataset_id, geom)
        select x.e, x.n, x.d, public.ST_Force2D(public.ST_SetSRID(public.ST_GeomFromGeoJSON(x.g), 4326))
        from jsonb_to_recordset($1::jsonb) as x(e text, n text, d text, g jsonb)`,
    };
  }

  /** Entities by id (no lock). Missing ids are simply absent from the map. */
  async get(db: Queryable, ids: readonly string[]): Promise<Map<string, Entity>> {
    if (ids.length === 0) return new Map();
    const { rows } = await db.query<EntityRow>(this.sql.select, [ids]);
    return new Map(rows.map((row) => [row.id, rowToEntity(row)]));
  }

  /** Entities by id, locked for update until the transaction ends (in id order: no deadlocks). */
  async lock(tx: Queryable, ids: readonly string[]): Promise<Map<string, Entity>> {
    if (ids.length === 0) return new Map();
    const { rows } = await tx.query<EntityRow>(this.sql.lock, [[...ids].sort()]);
    return new Map(rows.map((row) => [row.id, rowToEntity(row)]));
  }

  /** Insert new entities; returns the ids actually inserted (others already existed). */
  async insert(tx: Queryable, entities: readonly Entity[]): Promise<Set<string>> {
    if (entities.length === 0) return new Set();
    const { rows } = await tx.query<{ id: string }>(this.sql.insert, [
      JSON.stringify(entities.map(entityToRecord)),
    ]);
    const inserted = new Set(rows.map((row) => row.id));
    await this.writeGeo(
      tx,
      entities.filter((entity) => inserted.has(entity.id)),
      false,
    );
    return inserted;
  }

  /** Overwrite existing (locked) entities with their new versions. */
  async update(
    tx: Queryable,
    entities: readonly Entity[],
    previous: ReadonlyMap<string, Entity>,
  ): Promise<void> {
    if (entities.length === 0) return;
    await tx.query(this.sql.update, [JSON.stringify(entities.map(entityToRecord))]);
    const touched = entities.filter((entity) => {
      const before = previous.get(entity.id);
      return hasGeoProperty(entity) || (before !== undefined && hasGeoProperty(before));
    });
    await this.writeGeo(tx, touched, true);
  }

  /** Delete entities; returns the deleted ones (geo rows go with them, on delete cascade). */
  async delete(tx: Queryable, ids: readonly string[]): Promise<Entity[]> {
    if (ids.length === 0) return [];
    const { rows } = await tx.query<EntityRow>(this.sql.delete, [ids]);
    return rows.map(rowToEntity);
  }

  private async writeGeo(
    tx: Queryable,
    entities: readonly Entity[],
    replace: boolean,
  ): Promise<void> {
    if (entities.length === 0) return;
    if (replace) await tx.query(this.sql.geoDelete, [entities.map((entity) => entity.id)]);
    const records = entities.flatMap(geoRecords);
    if (records.length > 0) await tx.query(this.sql.geoInsert, [JSON.stringify(records)]);
  }
}
