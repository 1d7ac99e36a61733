import { BrokerAdminError } from './broker-admin-errors.js';

/** One write scope of a broker key. */
export interface WriteScope {
  access: 'write';
  tenants: string[];
  entityTypes: string[];
}

/** An update-server key as the admin panel shows it: never its secret. */
export interface UpdateServerKey {
  id: string;
  name: string;
  scopes: WriteScope[];
  status: 'active' | 'expired' | 'revoked';
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  /** While a rotation's overlap lasts: when the previous secret stops working. */
  previousSecretValidUntil?: string;
}

/** An answer that shows a new secret: the only time the dashboard ever sends a key. */
export interface UpdateServerKeyWithSecret extends UpdateServerKey {
  /** The full key, shown once; the broker keeps only its hash. */
  key: string;
}

/**
 * Whether a broker key (as GET /admin/keys shows it) is an update-server key: it has only write
 * scopes. The dashboard's read key and admin keys are not managed from this panel.
 * @example isUpdateServerKey({ scopes: [{ access: 'write', tenants: ['city'], entityTypes: ['Vehicle'] }] }) // true
 */
export function isUpdateServerKey(view: unknown): boolean {
  const scopes = (view as { scopes?: unknown } | null)?.scopes;
  return (
    Array.isArray(scopes) &&
    scopes.length > 0 &&
    scopes.every((scope) => (scope as { access?: unknown } | null)?.access === 'write')
  );
}

/**
 * The panel's view of a broker key view: only known members are copied (never a secret, even if
 * a broker sent one by mistake).
 * @example toUpdateServerKey(await answer.body)
 */
export function toUpdateServerKey(view: unknown): UpdateServerKey {
  const raw = (typeof view === 'object' && view !== null ? view : {}) as Record<string, unknown>;
  if (typeof raw.id !== 'string' || typeof raw.name !== 'string') {
    throw new BrokerAdminError('BrokerRefused', 'broker refused: it answered an unexpected key');
  }
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  const status = raw.status === 'revoked' || raw.status === 'expired' ? raw.status : 'active';
  const scopes = Array.isArray(raw.scopes) ? raw.scopes : [];
  return {
    id: raw.id,
    name: raw.name,
    scopes: scopes.map((scope: unknown) => writeScope(scope)),
    status,
    createdAt: text(raw.createdAt) ?? '',
    expiresAt: text(raw.expiresAt),
    revokedAt: text(raw.revokedAt),
    lastUsedAt: text(raw.lastUsedAt),
    // A revoked key has no working secret, whatever the overlap was.
    ...(status === 'active' &&
      typeof raw.previousSecretValidUntil === 'string' && {
        previousSecretValidUntil: raw.previousSecretValidUntil,
      }),
  };
}

/**
 * The panel's view of a broker answer that carries a new secret (create, rotate).
 * @example withSecret(await callKeyApi(broker, { method: 'POST', path: '/admin/keys', body }))
 */
export function withSecret(answer: unknown): UpdateServerKeyWithSecret {
  const key = (answer as { key?: unknown } | null | undefined)?.key;
  if (typeof key !== 'string' || key === '') {
    throw new BrokerAdminError('BrokerRefused', 'broker refused: it answered no new key');
  }
  return { ...toUpdateServerKey(answer), key };
}

function writeScope(scope: unknown): WriteScope {
  const raw = (scope ?? {}) as { tenants?: unknown; entityTypes?: unknown };
  const names = (value: unknown) =>
    Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  return { access: 'write', tenants: names(raw.tenants), entityTypes: names(raw.entityTypes) };
}
