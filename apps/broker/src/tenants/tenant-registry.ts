import { NgsiLdError } from '@legocity/ngsi-ld';
import type { Database } from '../storage/database.js';
import { migrateTenantSchema, type Migration } from '../storage/migrate.js';
import { DEFAULT_TENANT, schemaNameFor } from './tenant-name.js';

/** A tenant and the schema that isolates its data. */
export interface Tenant {
  name: string;
  schema: string;
}

/**
 * Knows every tenant (ETSI GS CIM 009 v1.8.1 §4.14 multi-tenancy): creates one on first write,
 * answers NonexistentTenant on reads of unknown ones. Several broker processes may share the
 * database, so a cache miss always asks the database before creating.
 */
export class TenantRegistry {
  private readonly known = new Map<string, Tenant>();

  constructor(
    private readonly db: Database,
    private readonly migrations: readonly Migration[],
  ) {}

  /** Ensure the default tenant exists and every tenant schema is migrated (at start-up). */
  async initialise(): Promise<Tenant[]> {
    await this.forWrite(DEFAULT_TENANT);
    const tenants = await this.list();
    for (const tenant of tenants) {
      await this.db.transaction((tx) => migrateTenantSchema(tx, tenant.schema, this.migrations));
    }
    return tenants;
  }

  /** The tenant for a read: NonexistentTenant (404) when it was never written to. */
  async forRead(name: string): Promise<Tenant> {
    const tenant = this.known.get(name) ?? (await this.lookup(name));
    if (!tenant) throw new NgsiLdError('NonexistentTenant', `Tenant '${name}' does not exist`);
    return tenant;
  }

  /** The tenant for a write: created (with its schema) on first use. */
  async forWrite(name: string): Promise<Tenant> {
    const existing = this.known.get(name) ?? (await this.lookup(name));
    if (existing) return existing;
    const schema = schemaNameFor(name);
    await this.db.transaction(async (tx) => {
      await migrateTenantSchema(tx, schema, this.migrations);
      await tx.query(
        'insert into legocity.tenant (name, schema_name) values ($1, $2) on conflict (name) do nothing',
        [name, schema],
      );
    });
    const tenant = { name, schema };
    this.known.set(name, tenant);
    return tenant;
  }

  /** The schema of a tenant this process has already resolved (every write resolves first). */
  schemaOf(name: string): string | undefined {
    return this.known.get(name)?.schema;
  }

  /** Forget the tenants resolved so far (a restore replaced them); the next use asks the database. */
  forgetAll(): void {
    this.known.clear();
  }

  async list(): Promise<Tenant[]> {
    const { rows } = await this.db.query<{ name: string; schema_name: string }>(
      'select name, schema_name from legocity.tenant order by name',
    );
    return rows.map((row) => ({ name: row.name, schema: row.schema_name }));
  }

  private async lookup(name: string): Promise<Tenant | undefined> {
    const { rows } = await this.db.query<{ schema_name: string }>(
      'select schema_name from legocity.tenant where name = $1',
      [name],
    );
    const row = rows[0];
    if (!row) return undefined;
    const tenant = { name, schema: row.schema_name };
    this.known.set(name, tenant);
    return tenant;
  }
}
