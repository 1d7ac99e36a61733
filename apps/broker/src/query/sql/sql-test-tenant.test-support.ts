import type { AttributeInstance, Geometry } from '@legocity/ngsi-ld';
import type { Database } from '../../storage/database.js';
import { loadMigrations, migrateTenantSchema } from '../../storage/migrate.js';
import { quoteIdentifier, SqlParams } from '../../storage/sql-params.js';
import { schemaNameFor } from '../../tenants/tenant-name.js';
import { openTestDatabase, uniqueTenant, type DriverName } from '../../testing/test-database.js';

/** The vocabulary tests expand short names into; IRIs (with ':') stay as they are. */
export const NS = 'https://example.org/ns#';
export const expand = (name: string): string => (name.includes(':') ? name : `${NS}${name}`);

/** A stored-form entity for tests: short attribute names, one instance or several. */
export interface TestEntity {
  id: string;
  types?: string[];
  attrs?: Record<string, AttributeInstance | AttributeInstance[]>;
  geo?: Array<{ name: string; datasetId?: string; geometry: Geometry }>;
}

/** A migrated tenant schema in a test database, with helpers to fill and query it. */
export interface SqlTestTenant {
  db: Database;
  entityTable: string;
  geoTable: string;
  insert(entities: TestEntity[]): Promise<void>;
  /** Ids (sorted) of the entities for which the condition built by `where` holds. */
  select(where: (params: SqlParams) => string): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * Open a test database (see testing/test-database.ts) with a fresh tenant schema migrated by the
 * real tenant migrations. Close it in afterAll: the schema is dropped.
 * @example const tenant = await openSqlTestTenant('pglite');
 */
export async function openSqlTestTenant(driver: DriverName): Promise<SqlTestTenant> {
  const db = await openTestDatabase(driver);
  const schema = schemaNameFor(uniqueTenant('sql'));
  const migrations = await loadMigrations('tenant');
  await db.transaction((tx) => migrateTenantSchema(tx, schema, migrations));
  const entityTable = `${quoteIdentifier(schema)}.entity`;
  const geoTable = `${quoteIdentifier(schema)}.geo_attribute`;
  return {
    db,
    entityTable,
    geoTable,
    async insert(entities) {
      for (const entity of entities) {
        const attrs = Object.fromEntries(
          Object.entries(entity.attrs ?? {}).map(([name, instances]) => [
            expand(name),
            [instances].flat(),
          ]),
        );
        await db.query(
          `insert into ${entityTable} (id, types, attrs, created_at, modified_at) values ($1, $2::text[], $3::jsonb, now(), now())`,
          [entity.id, (entity.types ?? ['Thing']).map(expand), JSON.stringify(attrs)],
        );
        for (const row of entity.geo ?? []) {
          await db.query(
            `insert into ${geoTable} (entity_id, name, dataset_id, geom)
             values ($1, $2, $3, public.ST_SetSRID(public.ST_GeomFromGeoJSON($4::text), 4326))`,
            [entity.id, expand(row.name), row.datasetId ?? '', JSON.stringify(row.geometry)],
          );
        }
      }
    },
    async select(where) {
      const params = new SqlParams();
      const condition = where(params);
      const { rows } = await db.query<{ id: string }>(
        `select e.id from ${entityTable} e where ${condition} order by e.id`,
        params.values,
      );
      return rows.map((row) => row.id);
    },
    async close() {
      await db.query(`drop schema if exists ${quoteIdentifier(schema)} cascade`);
      await db.query('delete from legocity.schema_migration where schema_name = $1', [schema]);
      await db.close();
    },
  };
}
