import { ANY, scopeEntityType, scopeTenant, type Scope } from './scopes.js';

/** What a key may do, compiled from its scopes once per cache load. */
export interface Access {
  isAdmin: boolean;
  canRead(tenant: string): boolean;
  canWrite(tenant: string): boolean;
  /** Whether some write scope exists (for broker-wide writes such as @contexts). */
  canWriteAnyTenant(): boolean;
  /** The first of `types` (expanded IRIs) this key may not write in `tenant`, or undefined. */
  forbiddenType(tenant: string, types: readonly string[]): string | undefined;
}

type NameSet = ReadonlySet<string> | typeof ANY;

/**
 * Compile scopes into fast checks. Write implies read on the same tenants; admin allows all.
 * @example compileAccess([{ access: 'read', tenants: ['*'] }]).canRead('city') // true
 */
export function compileAccess(scopes: readonly Scope[]): Access {
  const isAdmin = scopes.some((scope) => scope.access === 'admin');
  const readers: NameSet[] = [];
  const writers: { tenants: NameSet; types: NameSet }[] = [];
  for (const scope of scopes) {
    if (scope.access === 'admin') continue;
    const tenants = nameSet(scope.tenants, scopeTenant);
    readers.push(tenants);
    if (scope.access === 'write')
      writers.push({ tenants, types: nameSet(scope.entityTypes, scopeEntityType) });
  }
  const covers = (set: NameSet, name: string) => set === ANY || set.has(name);
  return {
    isAdmin,
    canRead: (tenant) => isAdmin || readers.some((set) => covers(set, tenant)),
    canWrite: (tenant) => isAdmin || writers.some((w) => covers(w.tenants, tenant)),
    canWriteAnyTenant: () => isAdmin || writers.length > 0,
    forbiddenType(tenant, types) {
      if (isAdmin) return undefined;
      const applicable = writers.filter((w) => covers(w.tenants, tenant));
      return types.find((type) => !applicable.some((w) => covers(w.types, type)));
    },
  };
}

function nameSet(names: readonly string[], normalise: (name: string) => string): NameSet {
  return names.includes(ANY) ? ANY : new Set(names.map(normalise));
}
