import { describe, expect, it } from 'vitest';
import { compileAccess } from './access.js';
import { parseScopes } from './scopes.js';

const VOCAB = 'https://uri.etsi.org/ngsi-ld/default-context/';

describe('compileAccess', () => {
  it('lets write imply read on the same tenants, and nothing elsewhere', () => {
    const access = compileAccess([
      { access: 'write', tenants: ['city'], entityTypes: ['Vehicle'] },
    ]);
    expect(access.canRead('city')).toBe(true);
    expect(access.canWrite('city')).toBe(true);
    expect(access.canRead('port')).toBe(false);
    expect(access.isAdmin).toBe(false);
  });

  it('expands type names with the core @context and names the first foreign type', () => {
    const access = compileAccess([{ access: 'write', tenants: ['*'], entityTypes: ['Vehicle'] }]);
    expect(access.forbiddenType('x', [`${VOCAB}Vehicle`])).toBeUndefined();
    expect(access.forbiddenType('x', [`${VOCAB}Vehicle`, `${VOCAB}Parking`])).toBe(
      `${VOCAB}Parking`,
    );
  });

  it('maps "default" to the default tenant and "*" to any type', () => {
    const access = compileAccess([{ access: 'write', tenants: ['default'], entityTypes: ['*'] }]);
    expect(access.canWrite('')).toBe(true);
    expect(access.forbiddenType('', ['https://example.org/Anything'])).toBeUndefined();
    expect(access.canWrite('default-city')).toBe(false);
  });

  it('allows everything to admin', () => {
    const access = compileAccess([{ access: 'admin' }]);
    expect(access.canWrite('any') && access.canRead('any') && access.canWriteAnyTenant()).toBe(
      true,
    );
    expect(access.forbiddenType('any', ['x'])).toBeUndefined();
  });
});

describe('parseScopes', () => {
  it('names every problem by its path', () => {
    const parsed = parseScopes(
      [{ access: 'read' }, { access: 'write', tenants: ['ok'], entityTypes: ['a b'] }, 3],
      'scopes',
    );
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.field)).toEqual([
      'scopes[0].tenants',
      'scopes[1].entityTypes[0]',
      'scopes[2]',
    ]);
  });
});
