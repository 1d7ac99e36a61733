import type { ApiKeyRecord } from './api-key-store.js';
import type { Scope } from './scopes.js';

/** A key as the admin API shows it: never a secret or a hash. */
export interface ApiKeyView {
  id: string;
  name: string;
  scopes: Scope[];
  status: 'active' | 'expired' | 'revoked';
  createdAt: string;
  createdBy?: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  /** While a rotation's overlap lasts: when the previous secret stops working. */
  previousSecretValidUntil?: string;
  rateLimit?: number;
}

/**
 * The admin API's view of a key.
 * @example formatApiKey(record, new Date()) // { id, name, scopes, status: 'active', … }
 */
export function formatApiKey(record: ApiKeyRecord, now: Date): ApiKeyView {
  const at = now.getTime();
  const status =
    record.revokedAt !== undefined
      ? 'revoked'
      : record.expiresAt !== undefined && Date.parse(record.expiresAt) <= at
        ? 'expired'
        : 'active';
  const overlap = record.previousValidUntil;
  return {
    id: record.id,
    name: record.name,
    scopes: record.scopes,
    status,
    createdAt: record.createdAt,
    ...(record.createdBy !== undefined && { createdBy: record.createdBy }),
    lastUsedAt: record.lastUsedAt ?? null,
    expiresAt: record.expiresAt ?? null,
    revokedAt: record.revokedAt ?? null,
    ...(overlap !== undefined && Date.parse(overlap) > at && { previousSecretValidUntil: overlap }),
    ...(record.rateLimit !== undefined && { rateLimit: record.rateLimit }),
  };
}
