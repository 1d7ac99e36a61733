import type { Entity } from '@legocity/ngsi-ld';
import type { ChangeRow } from '../history/change-rows.js';

/**
 * The entity as one change left it: the stored entity (or, if it is gone since, an entity with
 * only the change's attributes) with the change's attribute instances put back and the instances
 * it deleted removed. Exact for every attribute the change touched; other attributes are as
 * stored now.
 * @example entityAtChange(row, entities.get(row.id))
 */
export function entityAtChange(row: ChangeRow, current: Entity | undefined): Entity {
  const attributes = { ...(current?.attributes ?? {}) };
  for (const [name, instances] of Object.entries(row.attrs)) {
    const datasetIds = new Set(instances.map((instance) => instance.datasetId ?? ''));
    const others = (attributes[name] ?? []).filter((i) => !datasetIds.has(i.datasetId ?? ''));
    attributes[name] = [...others, ...instances];
  }
  for (const [name, datasetIds] of Object.entries(row.deleted ?? {})) {
    const kept = (attributes[name] ?? []).filter((i) => !datasetIds.includes(i.datasetId ?? ''));
    if (kept.length > 0) attributes[name] = kept;
    else delete attributes[name];
  }
  return {
    ...(current ?? {}),
    id: row.id,
    type: row.types,
    attributes,
    modifiedAt: row.at,
    ...(current?.createdAt ? { createdAt: current.createdAt } : {}),
  };
}
