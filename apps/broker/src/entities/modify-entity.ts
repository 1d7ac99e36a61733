import { NgsiLdError, type Entity } from '@legocity/ngsi-ld';
import {
  fuseChanges,
  handChanges,
  writeWithChanges,
  type BrokerContext,
} from '../broker-context.js';

/** What a modification computed: the entity to store, or undefined when nothing changed. */
export interface Modification<R> {
  entity: Entity | undefined;
  result: R;
}

export interface ModifyOptions {
  /** Only modify the entity when its types satisfy the request's type selector (§4.17). */
  typeMatches?: (types: readonly string[]) => boolean;
}

// Optimistic attempts before falling back to a row lock: contention on one entity is rare, but
// when it happens (many writers, one sensor) the lock guarantees every writer progresses.
const OPTIMISTIC_ATTEMPTS = 3;

/**
 * Read one entity, compute its new version, and write it only if nobody changed it meanwhile
 * (optimistic concurrency on the row version): two round trips and no transaction in the common
 * case — the change log rides in the writing statement (fuseChanges). After a few lost races, the read-modify-write runs under a row lock instead.
 * The shared skeleton of every single-entity update (§5.6.2–§5.6.5, §5.6.17–§5.6.19).
 * @example await modifyEntity(ctx, '', id, (entity) => ({ entity: next, result: undefined }))
 */
export async function modifyEntity<R>(
  ctx: BrokerContext,
  tenantName: string,
  id: string,
  modify: (entity: Entity) => Modification<R>,
  options: ModifyOptions = {},
): Promise<R> {
  const tenant = await ctx.tenants.forRead(tenantName);
  const repository = ctx.repository(tenant);
  const compute = (current: Entity | undefined): Modification<R> => {
    if (!current || (options.typeMatches && !options.typeMatches(current.type)))
      throw entityNotFound(id);
    return modify(current);
  };
  const change = (before: Entity, after: Entity) => [{ tenant: tenantName, id, before, after }];

  for (let attempt = 1; attempt <= OPTIMISTIC_ATTEMPTS; attempt += 1) {
    const current = await repository.getVersioned(ctx.db, id);
    const { entity, result } = compute(current?.entity);
    if (!entity || !current) return result;
    const previous = new Map([[id, current.entity]]);
    const versions = new Map([[id, current.version]]);
    // Common case: the entity row and its change log in one autocommit statement.
    const fused = fuseChanges(ctx, change(current.entity, entity));
    if (fused) {
      const written = await repository.update(ctx.db, [entity], previous, versions, fused.work);
      if (!written.has(id)) continue;
      fused.work?.committed();
      return result;
    }
    const isWritten = await writeWithChanges(ctx, async (db) => {
      const written = await repository.update(db, [entity], previous, versions);
      return {
        value: written.has(id),
        changes: written.has(id) ? change(current.entity, entity) : [],
      };
    });
    if (isWritten) return result;
  }
  return ctx.db.transaction(async (tx) => {
    const current = (await repository.lock(tx, [id])).get(id);
    const { entity, result } = compute(current);
    if (entity && current) {
      await repository.update(tx, [entity], new Map([[id, current]]));
      await handChanges(ctx, tx, change(current, entity));
    }
    return result;
  });
}

/** ResourceNotFound for an entity id (§5.5.2). */
export function entityNotFound(id: string): NgsiLdError {
  return new NgsiLdError('ResourceNotFound', `Entity ${id} does not exist`, { field: 'entityId' });
}
