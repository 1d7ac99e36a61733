import { getCoreContext, type Parsed, type Problem } from '@legocity/ngsi-ld';
import { DEFAULT_TENANT, checkTenantName } from '../tenants/tenant-name.js';

/** What one scope of an API key grants (docs/security.md). */
export type Scope =
  | { access: 'admin' }
  | { access: 'read'; tenants: string[] }
  | { access: 'write'; tenants: string[]; entityTypes: string[] };

/** Any tenant, or any entity type. */
export const ANY = '*';
const MAX_SCOPES = 50;
const MAX_NAMES = 500;
const DEFAULT_TENANT_ALIAS = 'default';
const MEMBERS: Record<Scope['access'], readonly string[]> = {
  admin: ['access'],
  read: ['access', 'tenants'],
  write: ['access', 'tenants', 'entityTypes'],
};

/**
 * Parse the `scopes` of a key request: a non-empty array of scope objects, every problem named by
 * its path (`scopes[1].tenants[0]`).
 * @example parseScopes([{ access: 'write', tenants: ['city'], entityTypes: ['Vehicle'] }], 'scopes')
 */
export function parseScopes(raw: unknown, field: string): Parsed<Scope[]> {
  if (!Array.isArray(raw) || raw.length === 0)
    return fail(field, 'must be a non-empty array of scope objects');
  if (raw.length > MAX_SCOPES) return fail(field, `must hold at most ${MAX_SCOPES} scopes`);
  const problems: Problem[] = [];
  const scopes: Scope[] = [];
  raw.forEach((item: unknown, index) => {
    const scope = parseScope(item, `${field}[${index}]`, problems);
    if (scope) scopes.push(scope);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: scopes };
}

function parseScope(raw: unknown, field: string, problems: Problem[]): Scope | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push({ field, message: 'must be an object with "access"' });
    return undefined;
  }
  const item = raw as Record<string, unknown>;
  const access = item.access;
  if (access !== 'admin' && access !== 'read' && access !== 'write') {
    problems.push({ field: `${field}.access`, message: 'must be "admin", "read" or "write"' });
    return undefined;
  }
  const before = problems.length;
  for (const member of Object.keys(item)) {
    if (!MEMBERS[access].includes(member))
      problems.push({
        field: `${field}.${member}`,
        message: `is not a member of a ${access} scope (allowed: ${MEMBERS[access].join(', ')})`,
      });
  }
  if (access === 'admin') return problems.length > before ? undefined : { access };
  const tenants = names(item.tenants, `${field}.tenants`, problems, checkTenant);
  if (access === 'read')
    return problems.length > before ? undefined : { access, tenants: tenants ?? [] };
  const entityTypes = names(item.entityTypes, `${field}.entityTypes`, problems, checkEntityType);
  if (problems.length > before) return undefined;
  return { access, tenants: tenants ?? [], entityTypes: entityTypes ?? [] };
}

function names(
  raw: unknown,
  field: string,
  problems: Problem[],
  check: (name: string) => string | undefined,
): string[] | undefined {
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.push({ field, message: `must be a non-empty array of names ("${ANY}" for any)` });
    return undefined;
  }
  if (raw.length > MAX_NAMES) {
    problems.push({ field, message: `must hold at most ${MAX_NAMES} names` });
    return undefined;
  }
  raw.forEach((name: unknown, index) => {
    const message = typeof name === 'string' ? check(name) : 'must be a string';
    if (message) problems.push({ field: `${field}[${index}]`, message });
  });
  return raw as string[];
}

function checkTenant(name: string): string | undefined {
  if (name === ANY || name === '' || name === DEFAULT_TENANT_ALIAS) return undefined;
  return checkTenantName(name)
    ? `must be "${ANY}", "default" or a tenant name (1–63 characters: letters, digits, and _ . : -)`
    : undefined;
}

function checkEntityType(name: string): string | undefined {
  if (name === ANY) return undefined;
  return /^[^\s<>"{}|\\^`]{1,512}$/.test(name)
    ? undefined
    : `must be "${ANY}", an entity type name or an IRI (no spaces, at most 512 characters)`;
}

/**
 * The tenant a scope names: "" and "default" are the default tenant.
 * @example scopeTenant('default') // ''
 */
export function scopeTenant(name: string): string {
  return name === DEFAULT_TENANT_ALIAS ? DEFAULT_TENANT : name;
}

/**
 * The expanded IRI of an entity type named in a scope: terms expand with the core @context's
 * default vocabulary, as a request without a user @context would (ETSI GS CIM 009 §5.5.7).
 * @example scopeEntityType('Vehicle') // 'https://uri.etsi.org/ngsi-ld/default-context/Vehicle'
 */
export function scopeEntityType(name: string): string {
  return name === ANY ? ANY : getCoreContext().expandTerm(name);
}

function fail<T>(field: string, message: string): Parsed<T> {
  return { ok: false, problems: [{ field, message }] };
}
