import type { DataModelContract } from './data-model.js';

/** An attribute row of a save, with whatever else Payload keeps on it (its row id). */
export type AttributeRow = Record<string, unknown>;

/**
 * Set the server-owned lifecycle members of the attribute rows being saved: `deprecatedIn` is the
 * version that deprecated the attribute — kept from the stored model while it stays deprecated,
 * `version` when this save deprecates it — and an active attribute has neither `deprecatedIn`
 * nor `replacedBy`. Whatever a client sent for `deprecatedIn` is ignored, so the removal rule
 * ("deprecated in an earlier version") cannot be talked round.
 * @example stampDeprecations([{ name: 'pm10', status: 'deprecated', replacedBy: 'pm10Avg' }], stored, '1.2.0')
 * // [{ name: 'pm10', status: 'deprecated', replacedBy: 'pm10Avg', deprecatedIn: '1.2.0' }]
 */
export function stampDeprecations(
  rows: readonly AttributeRow[],
  previous: DataModelContract | undefined,
  version: string,
): AttributeRow[] {
  const before = new Map(previous?.attributes.map((attribute) => [attribute.name, attribute]));
  return rows.map((row) => {
    if (row.status !== 'deprecated') return { ...row, replacedBy: null, deprecatedIn: null };
    const old = typeof row.name === 'string' ? before.get(row.name) : undefined;
    const deprecatedIn =
      old?.status === 'deprecated' && old.deprecatedIn !== undefined ? old.deprecatedIn : version;
    return { ...row, deprecatedIn };
  });
}
