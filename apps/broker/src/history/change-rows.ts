import type { AttributeInstance, Attributes, Entity } from '@legocity/ngsi-ld';
import type { EntityChange } from '../broker-context.js';

/** The trigger of an entity change, in the words of notificationTrigger (§5.2.12). */
export type ChangeTrigger = 'entityCreated' | 'entityUpdated' | 'entityDeleted';

/** One row of the change log (see storage/migrations/tenant/002-entity-change.sql). */
export interface ChangeRow {
  id: string;
  types: string[];
  trigger: ChangeTrigger;
  /** Attribute name → instances created or changed, as stored after the change. */
  attrs: Attributes;
  /** Attribute name → datasetIds ('' = default) of deleted instances; null when none. */
  deleted: Record<string, string[]> | null;
  at: string;
}

/**
 * The change-log row of one entity change: the attribute instances that are new or differ from
 * before, and those that disappeared. A change that alters nothing yields undefined.
 * @example const row = changeRow({ tenant: '', id, before, after }, now)
 */
export function changeRow(change: EntityChange, now: string): ChangeRow | undefined {
  const { before, after } = change;
  if (!after) {
    if (!before) return undefined;
    return {
      id: change.id,
      types: before.type,
      trigger: 'entityDeleted',
      attrs: {},
      deleted: null,
      at: now,
    };
  }
  const attrs: Attributes = {};
  const deleted: Record<string, string[]> = {};
  for (const [name, instances] of Object.entries(after.attributes)) {
    const previous = before?.attributes[name] ?? [];
    // Untouched attributes keep their instances (the same array) through an update.
    if (previous === instances) continue;
    const changed = instances.filter((instance) => !hasSame(previous, instance));
    if (changed.length > 0) attrs[name] = changed;
  }
  for (const [name, instances] of Object.entries(before?.attributes ?? {})) {
    const remaining = after.attributes[name] ?? [];
    const gone = instances
      .map((instance) => instance.datasetId ?? '')
      .filter((datasetId) => !remaining.some((kept) => (kept.datasetId ?? '') === datasetId));
    if (gone.length > 0) deleted[name] = gone;
  }
  const hasDeleted = Object.keys(deleted).length > 0;
  if (before && Object.keys(attrs).length === 0 && !hasDeleted && sameTypes(before, after))
    return undefined;
  return {
    id: change.id,
    types: after.type,
    trigger: before ? 'entityUpdated' : 'entityCreated',
    attrs,
    deleted: hasDeleted ? deleted : null,
    at: after.modifiedAt ?? now,
  };
}

function hasSame(previous: readonly AttributeInstance[], instance: AttributeInstance): boolean {
  const datasetId = instance.datasetId ?? '';
  const match = previous.find((candidate) => (candidate.datasetId ?? '') === datasetId);
  return (
    match !== undefined &&
    (match === instance || JSON.stringify(match) === JSON.stringify(instance))
  );
}

function sameTypes(before: Entity, after: Entity): boolean {
  return (
    before.type.length === after.type.length && before.type.every((t, i) => after.type[i] === t)
  );
}
