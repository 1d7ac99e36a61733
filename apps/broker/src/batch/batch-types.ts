import type { NgsiLdError } from '@legocity/ngsi-ld';

/** One item of a batch request after parsing: a value to process, or why it cannot be. */
export type BatchItem<T> =
  { ok: true; id: string; value: T } | { ok: false; id: string; error: NgsiLdError };

/** BatchOperationResult (§5.2.16): ids that succeeded, errors per entity (§5.2.17). */
export interface BatchOutcome {
  success: string[];
  /** The subset of `success` that did not exist before (create, upsert). */
  created: string[];
  errors: { entityId: string; error: NgsiLdError }[];
}

export function emptyOutcome(): BatchOutcome {
  return { success: [], created: [], errors: [] };
}

/** Items grouped by entity id, in order of first appearance (the order §5.5.11 processes them). */
export function groupById<T>(items: readonly BatchItem<T>[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    if (!item.ok) continue;
    const group = groups.get(item.id);
    if (group) group.push(item.value);
    else groups.set(item.id, [item.value]);
  }
  return groups;
}
