import { createHash } from 'node:crypto';
import type { Problem } from '@legocity/ngsi-ld';

/** The tenant used when a request carries no NGSILD-Tenant header (§6.3.14 "default tenant"). */
export const DEFAULT_TENANT = '';

const TENANT_NAME = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,62}$/;

/**
 * Check an NGSILD-Tenant header value. We accept 1–63 characters of letters, digits and `_ . : -`
 * (a deliberate limit: tenant names become storage schemas and appear in URLs and metrics).
 * @example parseTenantName('city-hanoi') // undefined (valid)
 */
export function checkTenantName(name: string): Problem | undefined {
  if (TENANT_NAME.test(name)) return undefined;
  return {
    field: 'NGSILD-Tenant',
    message: 'must be 1–63 characters: letters, digits, and _ . : - (not starting with a symbol)',
  };
}

/**
 * The storage schema of a tenant: readable, unique, and a valid PostgreSQL identifier (≤ 63 bytes).
 * @example schemaNameFor('') // 'tenant_default'
 */
export function schemaNameFor(tenant: string): string {
  if (tenant === DEFAULT_TENANT) return 'tenant_default';
  const slug = tenant
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 40);
  const hash = createHash('sha256').update(tenant).digest('hex').slice(0, 8);
  return `tenant_${slug}_${hash}`;
}
