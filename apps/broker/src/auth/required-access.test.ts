import { describe, expect, it } from 'vitest';
import { requiredAccess } from './required-access.js';

describe('requiredAccess', () => {
  it.each([
    ['GET', '/health', undefined, { kind: 'open' }],
    ['GET', '/ngsi-ld/v1/docs/assets/docs-init.js', undefined, { kind: 'open' }],
    ['GET', '/ngsi-ld/v1/entities/:entityId', 'city', { kind: 'read', tenant: 'city' }],
    ['POST', '/ngsi-ld/v1/entityOperations/query', undefined, { kind: 'read', tenant: '' }],
    ['POST', '/ngsi-ld/v1/temporal/entityOperations/query', 'c', { kind: 'read', tenant: 'c' }],
    ['DELETE', '/ngsi-ld/v1/subscriptions/:subscriptionId', 'c', { kind: 'read', tenant: 'c' }],
    ['POST', '/ngsi-ld/v1/jsonldContexts', undefined, { kind: 'write-any-tenant' }],
    ['GET', '/ngsi-ld/v1/jsonldContexts', undefined, { kind: 'read', tenant: '' }],
    ['GET', '/admin/keys', undefined, { kind: 'admin' }],
    ['PATCH', '/ngsi-ld/v1/entities/:entityId/attrs', 'c', { kind: 'write', tenant: 'c' }],
    ['POST', undefined, undefined, { kind: 'key' }],
  ] as const)('%s %s (tenant %s) needs %j', (method, route, tenant, expected) => {
    expect(requiredAccess(method, route, tenant)).toEqual(expected);
  });
});
