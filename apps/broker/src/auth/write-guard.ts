import type { NgsiLdError } from '@legocity/ngsi-ld';
import type { EntityChange, WriteGuard } from '../broker-context.js';
import type { Principal } from './authenticator.js';
import { forbidden, forbiddenEntityType } from './auth-errors.js';

/**
 * The write permissions of one caller, checked on every entity change before it commits: the
 * types of the entity before and after the change must all be writable in the change's tenant.
 * `onDenied` sees each refusal (audit, metrics).
 * @example const ctx = { ...base, writeGuard: writeGuardFor(principal, onDenied) }
 */
export function writeGuardFor(
  principal: Principal,
  onDenied: (error: NgsiLdError, change: EntityChange) => void,
): WriteGuard | undefined {
  if (principal.access.isAdmin) return undefined;
  const { access, name } = principal;
  return {
    deny(change) {
      let error: NgsiLdError | undefined;
      if (!access.canWrite(change.tenant)) {
        error = forbidden(`API key '${name}' may not write tenant '${change.tenant || 'default'}'`);
      } else {
        const type =
          access.forbiddenType(change.tenant, change.before?.type ?? []) ??
          access.forbiddenType(change.tenant, change.after?.type ?? []);
        if (type !== undefined) error = forbiddenEntityType(name, type, change.id);
      }
      if (error) onDenied(error, change);
      return error;
    },
  };
}

/** A guard that refuses every write: routes that forgot the caller's context fail closed. */
export const REFUSE_ALL_WRITES: WriteGuard = {
  deny: () => forbidden('This write has no caller to check; it is refused'),
};
