import type { JsonValue } from '@legocity/ngsi-ld';
import type { Queryable } from '../storage/database.js';

/** The three kinds of stored @context (§5.13.1). */
export type ContextKind = 'Hosted' | 'Cached' | 'ImplicitlyCreated';

/** A stored @context and its metadata (§5.13.3.5). */
export interface StoredContext {
  id: string;
  url: string;
  kind: ContextKind;
  body: JsonValue;
  createdAt: string;
  fetchedAt: string | undefined;
  lastUsedAt: string | undefined;
  hits: number;
}

interface ContextRow {
  id: string;
  url: string;
  kind: ContextKind;
  body: JsonValue;
  created_at: string;
  fetched_at: string | null;
  last_used_at: string | null;
  hits: number;
}

const COLUMNS = 'id, url, kind, body, created_at, fetched_at, last_used_at, hits';

/**
 * The broker-wide @context store (legocity.jsonld_context): user contexts hosted by the broker
 * and remote ones cached so a restart needs no network. Shared by every tenant.
 */
export class ContextStore {
  constructor(private readonly db: Queryable) {}

  async byId(id: string): Promise<StoredContext | undefined> {
    const { rows } = await this.db.query<ContextRow>(
      `select ${COLUMNS} from legocity.jsonld_context where id = $1`,
      [id],
    );
    return rows[0] && toStored(rows[0]);
  }

  async byUrl(url: string): Promise<StoredContext | undefined> {
    const { rows } = await this.db.query<ContextRow>(
      `select ${COLUMNS} from legocity.jsonld_context where url = $1`,
      [url],
    );
    return rows[0] && toStored(rows[0]);
  }

  async list(kind?: ContextKind): Promise<StoredContext[]> {
    const { rows } = await this.db.query<ContextRow>(
      `select ${COLUMNS} from legocity.jsonld_context where ($1::text is null or kind = $1) order by created_at, id`,
      [kind ?? null],
    );
    return rows.map(toStored);
  }

  /** Insert or refresh a context (a reload replaces the body of a Cached one). */
  async save(context: {
    id: string;
    url: string;
    kind: ContextKind;
    body: JsonValue;
  }): Promise<void> {
    await this.db.query(
      `insert into legocity.jsonld_context (id, url, kind, body, fetched_at)
       values ($1, $2, $3, $4::jsonb, case when $3 = 'Cached' then now() end)
       on conflict (url) do update set body = excluded.body, fetched_at = excluded.fetched_at`,
      [context.id, context.url, context.kind, JSON.stringify(context.body)],
    );
  }

  async delete(id: string): Promise<boolean> {
    const { rowCount } = await this.db.query('delete from legocity.jsonld_context where id = $1', [
      id,
    ]);
    return rowCount > 0;
  }
}

function toStored(row: ContextRow): StoredContext {
  return {
    id: row.id,
    url: row.url,
    kind: row.kind,
    body: row.body,
    createdAt: row.created_at,
    fetchedAt: row.fetched_at ?? undefined,
    lastUsedAt: row.last_used_at ?? undefined,
    hits: row.hits,
  };
}
