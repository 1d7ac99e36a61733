import type { AttributeInstance, Entity, EntityFragment, FragmentInstance } from '../types.js';
import { findInstance, stampInstance } from './stamp.js';
import type { NotUpdated, UpdateOutcome } from './update-result.js';

/** How an existing instance meets a fragment instance with the same datasetId. */
export type InstanceRule = 'replace' | 'keep' | 'merge';

export interface ApplyOptions {
  /** 'replace' for update/append (§5.5.8), 'keep' for append with noOverwrite, 'merge' for §5.5.12. */
  onExisting: InstanceRule;
  /** How `scope` in the fragment combines with the entity's (§5.6.2 vs §5.6.3/§5.6.17). */
  scope: 'replace' | 'replace-if-present' | 'union';
  now: string;
  /** Merges an existing instance with a fragment instance (only for onExisting = 'merge'). */
  mergeInstance?: (
    existing: AttributeInstance,
    patch: FragmentInstance,
    now: string,
  ) => AttributeInstance;
}

/**
 * Apply an entity fragment attribute by attribute, instance by datasetId. NGSI-LD Nulls delete.
 * The engine behind Update Attributes (§5.6.2), Append Attributes (§5.6.3), Merge Entity
 * (§5.6.17), batch update (§5.6.9) and upsert in update mode (§5.6.8).
 * @example applyFragment(entity, fragment, { onExisting: 'replace', scope: 'replace-if-present', now })
 */
export function applyFragment(
  entity: Entity,
  fragment: EntityFragment,
  options: ApplyOptions,
): UpdateOutcome {
  const attributes: Entity['attributes'] = { ...entity.attributes };
  const updated: string[] = [];
  const notUpdated: NotUpdated[] = [];

  for (const [name, patches] of Object.entries(fragment.attributes)) {
    let instances = [...(attributes[name] ?? [])];
    let touched = false;
    for (const patch of patches) {
      const index = findInstance(instances, patch.datasetId);
      const existing = index >= 0 ? instances[index] : undefined;
      if (patch.deleted) {
        if (!existing) {
          notUpdated.push({ attributeName: name, reason: describeMissing(patch.datasetId) });
          continue;
        }
        if (options.onExisting === 'keep') {
          notUpdated.push({
            attributeName: name,
            reason: 'attribute exists and overwriting was not allowed',
          });
          continue;
        }
        instances = instances.filter((_, i) => i !== index);
      } else if (!existing) {
        instances.push(stampInstance(patch, options.now));
      } else if (options.onExisting === 'keep') {
        notUpdated.push({
          attributeName: name,
          reason: 'attribute exists and overwriting was not allowed',
        });
        continue;
      } else {
        instances[index] =
          options.onExisting === 'merge' && options.mergeInstance
            ? options.mergeInstance(existing, patch, options.now)
            : stampInstance(patch, options.now, existing);
      }
      touched = true;
    }
    if (!touched) continue;
    updated.push(name);
    if (instances.length > 0) attributes[name] = instances;
    else delete attributes[name];
  }

  const next: Entity = { ...entity, attributes };
  let metaChanged = false;
  if (fragment.type) {
    const added = fragment.type.filter((type) => !entity.type.includes(type));
    if (added.length > 0) {
      next.type = [...entity.type, ...added];
      metaChanged = true;
    }
  }
  if (fragment.scope)
    metaChanged = applyScope(next, entity, fragment.scope, options.scope) || metaChanged;
  const changed = updated.length > 0 || metaChanged;
  if (changed) next.modifiedAt = options.now;
  return { entity: next, updated, notUpdated, changed };
}

function applyScope(
  next: Entity,
  entity: Entity,
  scope: string[],
  rule: ApplyOptions['scope'],
): boolean {
  if (rule === 'replace-if-present' && !entity.scope) return false;
  const combined = rule === 'union' ? [...new Set([...(entity.scope ?? []), ...scope])] : scope;
  next.scope = combined;
  return JSON.stringify(combined) !== JSON.stringify(entity.scope ?? []);
}

function describeMissing(datasetId: string | undefined): string {
  return datasetId ? `no instance with datasetId ${datasetId} exists` : 'attribute does not exist';
}
