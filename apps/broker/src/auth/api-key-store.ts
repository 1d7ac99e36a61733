import { NgsiLdError } from '@legocity/ngsi-ld';
import type { Queryable } from '../storage/database.js';
import type { Scope } from './scopes.js';

/** One row of legocity.api_key; times are ISO 8601 strings. */
export interface ApiKeyRecord {
  id: string;
  name: string;
  scopes: Scope[];
  secretHash: string;
  previousSecretHash: string | undefined;
  previousValidUntil: string | undefined;
  /** Requests per second for this key; undefined: the broker default. */
  rateLimit: number | undefined;
  createdAt: string;
  createdBy: string | undefined;
  lastUsedAt: string | undefined;
  expiresAt: string | undefined;
  revokedAt: string | undefined;
}

export interface NewApiKey {
  id: string;
  name: string;
  scopes: readonly Scope[];
  secretHash: string;
  rateLimit?: number | undefined;
  expiresAt?: string | undefined;
  createdBy?: string | undefined;
}

interface ApiKeyRow {
  id: string;
  name: string;
  scopes: Scope[];
  secret_hash: string;
  previous_secret_hash: string | null;
  previous_valid_until: Date | string | null;
  rate_limit: number | null;
  created_at: Date | string;
  created_by: string | null;
  last_used_at: Date | string | null;
  expires_at: Date | string | null;
  revoked_at: Date | string | null;
}

const COLUMNS = `id, name, scopes, secret_hash, previous_secret_hash, previous_valid_until, rate_limit,
  created_at, created_by, last_used_at, expires_at, revoked_at`;
const UNIQUE_VIOLATION = '23505';

/**
 * SQL of legocity.api_key. Every method takes the connection or transaction to use, so key
 * changes and their audit events commit together.
 */
export const apiKeyStore = {
  /** @example const key = await apiKeyStore.find(db, '9f2c4e1a0b7d3c55') */
  async find(db: Queryable, id: string): Promise<ApiKeyRecord | undefined> {
    const { rows } = await db.query<ApiKeyRow>(
      `select ${COLUMNS} from legocity.api_key where id = $1`,
      [id],
      { prepare: 'legocity.api_key.find' },
    );
    return rows[0] && toRecord(rows[0]);
  },

  /** Every key, newest first. @example const keys = await apiKeyStore.list(db) */
  async list(db: Queryable): Promise<ApiKeyRecord[]> {
    const { rows } = await db.query<ApiKeyRow>(
      `select ${COLUMNS} from legocity.api_key order by created_at desc, id`,
    );
    return rows.map(toRecord);
  },

  /**
   * Store a new key; AlreadyExists when a live key has the same name.
   * @example await apiKeyStore.insert(tx, { id, name: 'weather', scopes, secretHash })
   */
  async insert(db: Queryable, key: NewApiKey): Promise<ApiKeyRecord> {
    try {
      const { rows } = await db.query<ApiKeyRow>(
        `insert into legocity.api_key (id, name, scopes, secret_hash, rate_limit, expires_at, created_by)
         values ($1, $2, $3::jsonb, $4, $5, $6, $7) returning ${COLUMNS}`,
        [
          key.id,
          key.name,
          JSON.stringify(key.scopes),
          key.secretHash,
          key.rateLimit ?? null,
          key.expiresAt ?? null,
          key.createdBy ?? null,
        ],
      );
      return toRecord(rows[0] as ApiKeyRow);
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new NgsiLdError('AlreadyExists', `An API key named '${key.name}' already exists`, {
          field: 'name',
        });
      }
      throw error;
    }
  },

  /**
   * Replace a live key's secret; the old one stays valid until `previousValidUntil`.
   * @example await apiKeyStore.rotate(tx, id, hashSecret(secret), '2025-01-02T00:00:00Z')
   */
  async rotate(
    db: Queryable,
    id: string,
    secretHash: string,
    previousValidUntil: string,
  ): Promise<ApiKeyRecord | undefined> {
    const { rows } = await db.query<ApiKeyRow>(
      `update legocity.api_key set previous_secret_hash = secret_hash, previous_valid_until = $3,
         secret_hash = $2 where id = $1 and revoked_at is null returning ${COLUMNS}`,
      [id, secretHash, previousValidUntil],
    );
    return rows[0] && toRecord(rows[0]);
  },

  /** Revoke a key (idempotent: the first revocation time stays). */
  async revoke(db: Queryable, id: string, at: string): Promise<ApiKeyRecord | undefined> {
    const { rows } = await db.query<ApiKeyRow>(
      `update legocity.api_key set revoked_at = coalesce(revoked_at, $2) where id = $1
       returning ${COLUMNS}`,
      [id, at],
    );
    return rows[0] && toRecord(rows[0]);
  },

  /** Record that keys were used (called at most once a minute per key, off the request path). */
  async touch(db: Queryable, ids: readonly string[], at: string): Promise<void> {
    await db.query(
      `update legocity.api_key set last_used_at = greatest(last_used_at, $2::timestamptz)
       where id = any($1::text[])`,
      [ids, at],
    );
  },

  /** Whether a live (not revoked, not expired) key has the admin scope. */
  async hasLiveAdmin(db: Queryable): Promise<boolean> {
    const { rows } = await db.query(
      `select 1 from legocity.api_key where revoked_at is null
         and (expires_at is null or expires_at > now()) and scopes @> '[{"access":"admin"}]'
       limit 1`,
    );
    return rows.length > 0;
  },
};

function toRecord(row: ApiKeyRow): ApiKeyRecord {
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes,
    secretHash: row.secret_hash,
    previousSecretHash: row.previous_secret_hash ?? undefined,
    previousValidUntil: iso(row.previous_valid_until),
    rateLimit: row.rate_limit ?? undefined,
    createdAt: iso(row.created_at) ?? '',
    createdBy: row.created_by ?? undefined,
    lastUsedAt: iso(row.last_used_at),
    expiresAt: iso(row.expires_at),
    revokedAt: iso(row.revoked_at),
  };
}

/** Both drivers return timestamptz as Date; text is accepted too. */
export function iso(value: Date | string | null): string | undefined {
  if (value === null) return undefined;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}
