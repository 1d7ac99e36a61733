import { NgsiLdError } from '@legocity/ngsi-ld';
import type { DenyReason } from './deny-reason.js';

const UNAUTHORIZED: Partial<Record<DenyReason, string>> = {
  missing: 'This request needs an API key: send Authorization: Bearer <key> (or X-API-Key)',
  malformed: 'The API key is not in the LegoCity key format (lgc_<id>_<secret>)',
  unknown: 'The API key is not valid',
  invalid: 'The API key is not valid',
  superseded:
    'The API key was rotated and its previous secret has stopped working; use the new key',
  expired: 'The API key has expired',
  revoked: 'The API key has been revoked',
};

/**
 * 401 Unauthorized for a failed authentication; the detail never repeats the key.
 * @example throw unauthorized('revoked')
 */
export function unauthorized(reason: DenyReason): NgsiLdError {
  return new NgsiLdError('Unauthorized', UNAUTHORIZED[reason] ?? 'The API key is not valid', {
    field: 'Authorization',
  });
}

/**
 * 403 Forbidden: the key is valid but does not allow this.
 * @example throw forbidden("API key 'weather' may not write tenant 'city'")
 */
export function forbidden(detail: string): NgsiLdError {
  return new NgsiLdError('Forbidden', detail);
}

/**
 * 403 naming the entity type a write key may not write.
 * @example forbiddenEntityType('weather', 'https://…/Vehicle', 'urn:ngsi-ld:Vehicle:1')
 */
export function forbiddenEntityType(keyName: string, type: string, entityId: string): NgsiLdError {
  return new NgsiLdError(
    'Forbidden',
    `API key '${keyName}' may not write entities of type ${type} (entity ${entityId})`,
    { field: 'type', extra: { entityType: type } },
  );
}

/**
 * 429 Too Many Requests; the route sets Retry-After.
 * @example tooManyRequests('weather', 3)
 */
export function tooManyRequests(keyName: string, retryAfterSeconds: number): NgsiLdError {
  return new NgsiLdError(
    'TooManyRequests',
    `API key '${keyName}' is over its request rate; retry after ${retryAfterSeconds} s`,
  );
}
