import type { Queryable } from '../storage/database.js';
import { compileAccess, type Access } from './access.js';
import { isSecretOf, parseApiKey } from './api-key-secret.js';
import { apiKeyStore, type ApiKeyRecord } from './api-key-store.js';
import type { DenyReason } from './deny-reason.js';

/** The caller behind a request: a key and what it may do. */
export interface Principal {
  keyId: string;
  name: string;
  access: Access;
  /** Requests per second for this key; undefined: the broker default. */
  rateLimit: number | undefined;
}

export type Authentication =
  | { ok: true; principal: Principal }
  | { ok: false; reason: DenyReason; keyId?: string; keyName?: string };

export interface AuthenticatorOptions {
  /** How long a key row is trusted before it is read again (revocation delay); default 2 s. */
  cacheTtlMs?: number;
  /** Milliseconds since the epoch (tests pass a fake clock). */
  now?: () => number;
}

interface CachedKey {
  loadedAt: number;
  record: ApiKeyRecord | undefined;
  principal: Principal | undefined;
  expiresAt: number;
  revokedAt: number;
  previousValidUntil: number;
  /** When a secret that matched neither hash last forced a re-read (0: never). */
  mismatchReloadAt: number;
}

// A secret that matches neither hash of a cached row re-reads the row (a rotation done by another
// process), at most this often per key: a wrong secret cannot turn into a database flood.
const RELOAD_ON_MISMATCH_MS = 250;
const MAX_CACHED_KEYS = 10_000;

/**
 * Checks API keys against legocity.api_key, caching each row (and unknown ids) for a couple of
 * seconds: no database round trip per request, and a revocation holds on every process within
 * the cache time.
 * @example const result = await new Authenticator(db).authenticate('lgc_…'); if (result.ok) …
 */
export class Authenticator {
  private readonly cache = new Map<string, CachedKey>();
  private readonly loading = new Map<string, Promise<CachedKey>>();
  private readonly reloading = new Map<string, Promise<CachedKey>>();
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly db: Queryable,
    options: AuthenticatorOptions = {},
  ) {
    this.ttlMs = options.cacheTtlMs ?? 2_000;
    this.now = options.now ?? Date.now;
  }

  async authenticate(token: string | undefined): Promise<Authentication> {
    if (token === undefined || token === '') return { ok: false, reason: 'missing' };
    const parts = parseApiKey(token);
    if (!parts) return { ok: false, reason: 'malformed' };
    let cached = await this.lookup(parts.keyId);
    let outcome = this.check(cached, parts.secret);
    if (outcome === 'invalid') {
      const reloaded = this.reloadOnMismatch(parts.keyId, cached);
      if (reloaded) {
        cached = await reloaded;
        outcome = this.check(cached, parts.secret);
      }
    }
    if (outcome === 'ok' && cached.principal) return { ok: true, principal: cached.principal };
    if (!cached.record) return { ok: false, reason: 'unknown' };
    return {
      ok: false,
      reason: outcome === 'ok' ? 'invalid' : outcome,
      // A key named by a matching secret only: a guessed id must not fill the audit with names.
      ...(outcome !== 'invalid' && { keyId: cached.record.id, keyName: cached.record.name }),
    };
  }

  /** Drop a cached key (this process changed it). */
  forget(keyId: string): void {
    this.cache.delete(keyId);
  }

  /** Drop every cached key (a restore replaced them all). */
  forgetAll(): void {
    this.cache.clear();
  }

  private check(cached: CachedKey, secret: string): 'ok' | DenyReason {
    const record = cached.record;
    if (!record) return 'unknown';
    const now = this.now();
    const isCurrent = isSecretOf(secret, record.secretHash);
    const isPrevious =
      !isCurrent &&
      record.previousSecretHash !== undefined &&
      isSecretOf(secret, record.previousSecretHash);
    if (!isCurrent && !isPrevious) return 'invalid';
    if (cached.revokedAt <= now) return 'revoked';
    if (cached.expiresAt <= now) return 'expired';
    if (isPrevious && cached.previousValidUntil <= now) return 'superseded';
    return 'ok';
  }

  private async lookup(keyId: string): Promise<CachedKey> {
    const cached = this.cache.get(keyId);
    if (cached && this.now() - cached.loadedAt < this.ttlMs) return cached;
    const inFlight = this.loading.get(keyId);
    if (inFlight) return inFlight;
    const load = this.load(keyId).finally(() => this.loading.delete(keyId));
    this.loading.set(keyId, load);
    return load;
  }

  /**
   * A secret matched neither hash: the row may predate a rotation done by another process. Read
   * it again (not joining a TTL read in flight, which may have started before the rotation
   * committed); requests that mismatch meanwhile join this read. At most one such read per key
   * per 250 ms, so wrong secrets cannot flood the database.
   */
  private reloadOnMismatch(keyId: string, cached: CachedKey): Promise<CachedKey> | undefined {
    const inFlight = this.reloading.get(keyId);
    if (inFlight) return inFlight;
    const now = this.now();
    if (now - cached.mismatchReloadAt <= RELOAD_ON_MISMATCH_MS) return undefined;
    cached.mismatchReloadAt = now;
    const reload = this.load(keyId).finally(() => this.reloading.delete(keyId));
    this.reloading.set(keyId, reload);
    return reload;
  }

  private async load(keyId: string): Promise<CachedKey> {
    const record = await apiKeyStore.find(this.db, keyId);
    const entry: CachedKey = {
      loadedAt: this.now(),
      record,
      principal: record && {
        keyId: record.id,
        name: record.name,
        access: compileAccess(record.scopes),
        rateLimit: record.rateLimit,
      },
      expiresAt: time(record?.expiresAt),
      revokedAt: time(record?.revokedAt),
      previousValidUntil: time(record?.previousValidUntil),
      mismatchReloadAt: this.cache.get(keyId)?.mismatchReloadAt ?? 0,
    };
    if (this.cache.size >= MAX_CACHED_KEYS) {
      const oldest = this.cache.keys().next();
      if (!oldest.done) this.cache.delete(oldest.value);
    }
    this.cache.delete(keyId);
    this.cache.set(keyId, entry);
    return entry;
  }
}

function time(value: string | undefined): number {
  return value === undefined ? Number.POSITIVE_INFINITY : Date.parse(value);
}
