import { formatTable } from '../platform/format-table.js';

/** A key as the broker's admin API shows it. */
export interface KeyListItem {
  id: string;
  name: string;
  scopes: Array<{ access: string; tenants?: string[]; entityTypes?: string[] }>;
  status: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  previousSecretValidUntil?: string;
}

/**
 * `keys list` as a table.
 * @example formatKeys(await list())
 */
export function formatKeys(keys: readonly KeyListItem[]): string {
  if (keys.length === 0) return 'No key.\n';
  const scope = (s: KeyListItem['scopes'][number]) =>
    s.access === 'admin'
      ? 'admin'
      : `${s.access}:${(s.tenants ?? []).join('|')}${s.entityTypes ? `:${s.entityTypes.join(',')}` : ''}`;
  return `${formatTable([
    ['ID', 'NAME', 'STATUS', 'EXPIRES', 'LAST USED', 'SCOPES'],
    ...keys.map((k) => [
      k.id,
      k.name,
      k.previousSecretValidUntil
        ? `${k.status} (rotating until ${k.previousSecretValidUntil})`
        : k.status,
      k.expiresAt ?? 'never',
      k.lastUsedAt ?? 'never',
      k.scopes.map(scope).join(' '),
    ]),
  ])}\n`;
}
