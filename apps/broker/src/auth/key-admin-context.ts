import { NgsiLdError } from '@legocity/ngsi-ld';
import type { Database } from '../storage/database.js';
import type { Authenticator } from './authenticator.js';

/** What the key management operations need; they know nothing of HTTP. */
export interface KeyAdminContext {
  db: Database;
  /** Forgets a changed key at once in this process (other processes within the cache time). */
  authenticator: Pick<Authenticator, 'forget'>;
  now(): Date;
  /** The admin key making the change (for the audit log); undefined when auth is off. */
  actor: { keyId: string; name: string } | undefined;
}

/** ResourceNotFound for a key id. */
export function keyNotFound(id: string): NgsiLdError {
  return new NgsiLdError('ResourceNotFound', `API key ${id} does not exist`, { field: 'keyId' });
}

/** The actor columns of an audit event. */
export function actorOf(admin: KeyAdminContext): { actorKeyId?: string; actorName?: string } {
  return admin.actor ? { actorKeyId: admin.actor.keyId, actorName: admin.actor.name } : {};
}
