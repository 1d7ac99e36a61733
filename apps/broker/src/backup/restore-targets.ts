import type { Queryable } from '../storage/database.js';
import { migrateTenantSchema, type Migration } from '../storage/migrate.js';
import { backupErrors, type DumpPlace } from './backup-messages.js';
import { GLOBAL_SCHEMA, tableLabel, type DumpHeader, type TableStart } from './dump-format.js';
import { listDumpTables, type DumpTable } from './list-dump-tables.js';

/** Where a dump's table goes: the target table, and its columns in the dump's order. */
export interface RestoreTarget {
  table: DumpTable;
  columns: DumpTable['columns'];
}

// What schemaNameFor (tenants/tenant-name.ts) makes: a dump cannot restore into another schema.
const TENANT_SCHEMA = /^tenant_[a-z0-9_]{1,56}$/;

/**
 * The tables a restore writes into, from this broker's catalog (never from the dump: its type
 * names are only compared, never put into SQL). A tenant schema is created on first use by the
 * tenant migrations up to the dump's level, so its tables are the ones the dump was taken from.
 * @example const { table, columns } = await targets.resolve(tableStart, { line: 12 })
 */
export class RestoreTargets {
  private readonly schemas = new Map<string, Map<string, DumpTable>>();

  constructor(
    private readonly tx: Queryable,
    private readonly options: {
      header: DumpHeader;
      tenantMigrations: readonly Migration[];
      /** The migration this broker's global schema is at. */
      globalLevel: number;
    },
  ) {}

  /** The target of a dump's table line; 400 when the table, a column or a type does not match. */
  async resolve(dumped: TableStart, place: DumpPlace): Promise<RestoreTarget> {
    const label = tableLabel(dumped);
    const table = (await this.tablesOf(dumped.schema, place)).get(dumped.name);
    if (!table) throw backupErrors.unknownTarget(place, `table ${label}`);
    const at = { ...place, table: label };
    // A global schema at a later level may have changed a type; values are cast to this one's.
    const isSameLevel =
      dumped.schema !== GLOBAL_SCHEMA ||
      this.options.header.migrations.global === this.options.globalLevel;
    const columns = dumped.columns.map((column) => {
      const found = table.columns.find((c) => c.name === column.name);
      if (!found) throw backupErrors.unknownTarget(at, `column ${column.name}`);
      if (isSameLevel && found.type !== column.type) {
        throw backupErrors.typeDiffers(at, column.name, column.type, found.type);
      }
      return found;
    });
    return { table, columns };
  }

  private async tablesOf(schema: string, place: DumpPlace): Promise<Map<string, DumpTable>> {
    const known = this.schemas.get(schema);
    if (known) return known;
    if (schema !== GLOBAL_SCHEMA) await this.createTenantSchema(schema, place);
    const tables = new Map(
      (await listDumpTables(this.tx, [schema])).map((table) => [table.name, table]),
    );
    this.schemas.set(schema, tables);
    return tables;
  }

  private async createTenantSchema(schema: string, place: DumpPlace): Promise<void> {
    const level = this.options.header.migrations.tenants[schema];
    if (level === undefined || !TENANT_SCHEMA.test(schema)) {
      throw backupErrors.unknownTarget(
        place,
        `schema ${schema} (not a tenant schema the header lists)`,
      );
    }
    const upToLevel = this.options.tenantMigrations.filter((m) => m.version <= level);
    await migrateTenantSchema(this.tx, schema, upToLevel);
    // The migration resets search_path; type names must come out schema-qualified as in dumps.
    await this.tx.query('set local search_path to pg_catalog');
  }
}
