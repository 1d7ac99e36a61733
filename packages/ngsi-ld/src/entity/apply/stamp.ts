import {
  NGSI_LD_NULL,
  type AttributeInstance,
  type Entity,
  type FragmentInstance,
} from '../types.js';

/**
 * Set system attributes on an instance written now: createdAt survives from the instance it
 * replaces (§4.8), modifiedAt is now; sub-attributes likewise. Deletion markers are dropped, and
 * so are observedAt/unitCode set to NGSI-LD Null: a whole instance written now simply lacks them.
 * @example stampInstance({ type: 'Property', value: 1 }, '2024-01-01T00:00:00.000Z')
 */
export function stampInstance(
  instance: FragmentInstance,
  now: string,
  previous?: AttributeInstance,
): AttributeInstance {
  const { deleted: _deleted, inferred: _inferred, sub, ...members } = instance;
  const stamped: AttributeInstance = {
    ...members,
    createdAt: previous?.createdAt ?? now,
    modifiedAt: now,
  };
  if (stamped.observedAt === NGSI_LD_NULL) delete stamped.observedAt;
  if (stamped.unitCode === NGSI_LD_NULL) delete stamped.unitCode;
  if (sub) {
    const subs: Record<string, AttributeInstance> = {};
    for (const [name, subInstance] of Object.entries(sub)) {
      if ((subInstance as FragmentInstance).deleted) continue;
      subs[name] = stampInstance(subInstance, now, previous?.sub?.[name]);
    }
    if (Object.keys(subs).length > 0) stamped.sub = subs;
  }
  return stamped;
}

/**
 * A new entity as stored: every instance stamped with `now`. A new entity has nothing to delete,
 * so NGSI-LD Null markers (an upsert in update mode may carry them) are left out.
 * @example stampNewEntity(parsedEntity, new Date().toISOString())
 */
export function stampNewEntity(entity: Entity, now: string): Entity {
  const attributes: Entity['attributes'] = {};
  for (const [name, instances] of Object.entries(entity.attributes)) {
    const kept = instances.filter((instance) => !(instance as FragmentInstance).deleted);
    if (kept.length > 0) attributes[name] = kept.map((instance) => stampInstance(instance, now));
  }
  return { ...entity, attributes, createdAt: now, modifiedAt: now };
}

/** Index of the instance with this datasetId ('' or undefined = the default instance). */
export function findInstance(
  instances: readonly AttributeInstance[],
  datasetId: string | undefined,
): number {
  return instances.findIndex((instance) => (instance.datasetId ?? '') === (datasetId ?? ''));
}
