import type { Entity } from '@legocity/ngsi-ld';
import type { FusedChangeWork } from '../broker-context.js';
import type { Queryable } from './database.js';
import {
  ENTITY_COLUMNS,
  entityToRecord,
  geoFingerprint,
  geoRecords,
  rowToEntity,
  type EntityRow,
} from './entity-rows.js';
import { quoteIdentifier } from './sql-params.js';

const RECORD_SHAPE =
  'x(id text, types text[], scopes text[], attrs jsonb, created_at timestamptz, modified_at timestamptz, version text)';
const GEO_SHAPE = 'g(e text, n text, d text, g jsonb)';
// Points keep any altitude in the entity; the spatial index works in 2D.
const GEOMETRY = 'public.ST_Force2D(public.ST_SetSRID(public.ST_GeomFromGeoJSON(g.g), 4326))';

/** An entity with the row version it was read at (PostgreSQL's xmin), for optimistic writes. */
export interface VersionedEntity {
  entity: Entity;
  version: string;
}

/**
 * Reads and writes entities of one tenant schema. Every write is ONE statement — the entity rows
 * and their spatial rows together, through data-modifying CTEs — so a write is atomic without an
 * explicit transaction and costs one round trip, whatever the batch size (batches travel as one
 * jsonb parameter).
 */
export class EntityRepository {
  readonly entityTable: string;
  readonly geoTable: string;
  private readonly sql: Record<
    | 'select'
    | 'versioned'
    | 'lock'
    | 'insert'
    | 'insertWithGeo'
    | 'update'
    | 'updateOne'
    | 'updateOneReturningTypes'
    | 'delete',
    string
  >;
  private readonly moveGeo: (rows: string, ids: string) => string;

  constructor(readonly schema: string) {
    const s = quoteIdentifier(schema);
    this.entityTable = `${s}.entity`;
    this.geoTable = `${s}.geo_attribute`;
    const e = this.entityTable;
    const geo = this.geoTable;
    const updateOne = (returning: string) => `update ${e} e
        set types = $2::text[], scopes = $3::text[], attrs = $4::jsonb,
          created_at = $5::timestamptz, modified_at = $6::timestamptz
        where e.id = $1 and ($7::text is null or e.xmin::text = $7) returning ${returning}`;
    const insertEntities = `insert into ${e} (${ENTITY_COLUMNS}) select ${ENTITY_COLUMNS}
      from jsonb_to_recordset($1::jsonb) as ${RECORD_SHAPE} on conflict (id) do nothing returning id`;
    // Spatial rows of the written entities that moved (their new rows as jsonb, and their ids):
    // drop the instances that are gone, upsert the others. Appended only when something moved.
    this.moveGeo = (rows, ids) => `
        g as (select * from jsonb_to_recordset(${rows}::jsonb) as ${GEO_SHAPE}),
        geo_deleted as (
          delete from ${geo} d using written
          where d.entity_id = written.id and d.entity_id = any(${ids}::text[])
            and (d.entity_id, d.name, d.dataset_id) not in (select g.e, g.n, g.d from g)),
        geo_upserted as (
          insert into ${geo} (entity_id, name, dataset_id, geom)
          select g.e, g.n, g.d, ${GEOMETRY} from g join written on written.id = g.e
          on conflict (entity_id, name, dataset_id) do update set geom = excluded.geom)`;
    this.sql = {
      select: `select ${ENTITY_COLUMNS} from ${e} where id = any($1::text[])`,
      versioned: `select ${ENTITY_COLUMNS}, xmin::text as version from ${e} where id = $1`,
      lock: `select ${ENTITY_COLUMNS} from ${e} where id = any($1::text[]) order by id for update`,
      insert: insertEntities,
      insertWithGeo: `with written as (${insertEntities}),
        geo_inserted as (
          insert into ${geo} (entity_id, name, dataset_id, geom)
          select g.e, g.n, g.d, ${GEOMETRY} from jsonb_to_recordset($2::jsonb) as ${GEO_SHAPE}
          join written on written.id = g.e)
        select id from written`,
      // With x.version set, a row is only written if nobody wrote it since it was read.
      update: `update ${e} e set types = x.types, scopes = x.scopes, attrs = x.attrs,
          created_at = x.created_at, modified_at = x.modified_at
        from jsonb_to_recordset($1::jsonb) as ${RECORD_SHAPE}
        where e.id = x.id and (x.version is null or e.xmin::text = x.version) returning e.id`,
      // The hot path of single-entity updates: plain parameters, no recordset to unpack.
      updateOne: updateOne('e.id'),
      // The same, returning what change work appended to the statement reads.
      updateOneReturningTypes: updateOne('e.id, e.types'),
      delete: `delete from ${e} where id = any($1::text[])
        and ($2::text is null or xmin::text = $2) returning ${ENTITY_COLUMNS}`,
    };
  }

  /** Entities by id (no lock). Missing ids are simply absent from the map. */
  async get(db: Queryable, ids: readonly string[]): Promise<Map<string, Entity>> {
    if (ids.length === 0) return new Map();
    const { rows } = await db.query<EntityRow>(this.sql.select, [ids], {
      prepare: `${this.schema}.get`,
    });
    return new Map(rows.map((row) => [row.id, rowToEntity(row)]));
  }

  /** One entity and its row version, for a later `update(…, { versions })`. */
  async getVersioned(db: Queryable, id: string): Promise<VersionedEntity | undefined> {
    const { rows } = await db.query<EntityRow & { version: string }>(this.sql.versioned, [id], {
      prepare: `${this.schema}.versioned`,
    });
    const row = rows[0];
    return row && { entity: rowToEntity(row), version: row.version };
  }

  /** Entities by id, locked for update until the transaction ends (in id order: no deadlocks). */
  async lock(tx: Queryable, ids: readonly string[]): Promise<Map<string, Entity>> {
    if (ids.length === 0) return new Map();
    const { rows } = await tx.query<EntityRow>(this.sql.lock, [[...ids].sort()]);
    return new Map(rows.map((row) => [row.id, rowToEntity(row)]));
  }

  /** Insert new entities with their spatial rows; returns the ids inserted (others existed). */
  async insert(db: Queryable, entities: readonly Entity[]): Promise<Set<string>> {
    if (entities.length === 0) return new Set();
    const records = JSON.stringify(entities.map(entityToRecord));
    const geo = entities.flatMap(geoRecords);
    const { rows } =
      geo.length > 0
        ? await db.query<{ id: string }>(this.sql.insertWithGeo, [records, JSON.stringify(geo)])
        : await db.query<{ id: string }>(this.sql.insert, [records]);
    return new Set(rows.map((row) => row.id));
  }

  /**
   * Overwrite entities with their new versions; spatial rows are rewritten only where a
   * GeoProperty changed. With `versions`, an entity is written only if its row is still at that
   * version (optimistic concurrency). With `work` (one entity only), the change work rides in the
   * same statement. Returns the ids written.
   */
  async update(
    db: Queryable,
    entities: readonly Entity[],
    previous: ReadonlyMap<string, Entity>,
    versions?: ReadonlyMap<string, string>,
    work?: FusedChangeWork,
  ): Promise<Set<string>> {
    const [only, ...others] = entities;
    if (!only) return new Set();
    if (work && others.length > 0) throw new Error('fused change work writes one entity');
    const moved = entities.filter(
      (entity) => geoFingerprint(entity) !== geoFingerprint(previous.get(entity.id)),
    );
    let sql: string;
    const params: unknown[] = [];
    if (others.length === 0) {
      const record = entityToRecord(only);
      params.push(
        only.id,
        record.types,
        record.scopes,
        JSON.stringify(record.attrs),
        record.created_at,
        record.modified_at,
        versions?.get(only.id) ?? null,
      );
      sql = work ? this.sql.updateOneReturningTypes : this.sql.updateOne;
    } else {
      const records = entities.map((entity) => ({
        ...entityToRecord(entity),
        version: versions?.get(entity.id) ?? null,
      }));
      params.push(JSON.stringify(records));
      sql = this.sql.update;
    }
    const ctes: string[] = [];
    if (moved.length > 0) {
      params.push(
        JSON.stringify(moved.flatMap(geoRecords)),
        moved.map((entity) => entity.id),
      );
      ctes.push(this.moveGeo(`$${params.length - 1}`, `$${params.length}`));
    }
    if (work) {
      const first = params.length + 1;
      params.push(...work.values);
      ctes.push(work.ctes((index) => `$${first + index}`));
    }
    if (ctes.length > 0)
      sql = `with written as (${sql}), ${ctes.join(', ')} select id from written`;
    let prepare: string | undefined;
    if (moved.length === 0 && others.length === 0)
      prepare = `${this.schema}.updateOne${work ? '.logged' : ''}`;
    const { rows } = await db.query<{ id: string }>(sql, params, prepare ? { prepare } : {});
    return new Set(rows.map((row) => row.id));
  }

  /**
   * Delete entities (spatial rows go with them, on delete cascade); with `version`, only if the
   * single entity is still at that version. Returns the deleted entities.
   */
  async delete(db: Queryable, ids: readonly string[], version?: string): Promise<Entity[]> {
    if (ids.length === 0) return [];
    const { rows } = await db.query<EntityRow>(this.sql.delete, [ids, version ?? null]);
    return rows.map(rowToEntity);
  }
}
