import type { Entity } from '../types.js';
import { stampNewEntity } from './stamp.js';

/**
 * Replace Entity (§5.6.18): everything but the id and createdAt is replaced.
 * @example replaceEntity(existing, parsedReplacement, now)
 */
export function replaceEntity(existing: Entity, replacement: Entity, now: string): Entity {
  const fresh = stampNewEntity(replacement, now);
  return { ...fresh, id: existing.id, createdAt: existing.createdAt ?? now, modifiedAt: now };
}
