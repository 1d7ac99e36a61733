/**
 * Row labels of a data model's arrays in the admin, so that a collapsed row still says what it
 * is: `pm10 (number, GQ) · deprecated → pm10Avg` and `1.2.0 · 2026-12-07 09:00 UTC · editor@city`.
 */

/** What an attribute row holds while it is being edited (anything may still be empty). */
export interface AttributeRowData {
  name?: string | null;
  kind?: string | null;
  valueType?: string | null;
  unitCode?: string | null;
  status?: string | null;
  replacedBy?: string | null;
}

/** What a changelog row holds. */
export interface ChangelogRowData {
  version?: string | null;
  date?: string | null;
  author?: string | null;
}

/**
 * @example attributeRowLabel({ name: 'pm10', kind: 'Property', valueType: 'number', unitCode: 'GQ', status: 'deprecated', replacedBy: 'pm10Avg' }, 1)
 * // 'pm10 (number, GQ) · deprecated → pm10Avg'
 */
export function attributeRowLabel(row: AttributeRowData | undefined, rowNumber = 0): string {
  if (!row?.name) return `Attribute ${String(rowNumber).padStart(2, '0')}`;
  const details = [row.kind === 'Property' ? undefined : row.kind, row.valueType, row.unitCode]
    .filter((part): part is string => typeof part === 'string' && part !== '')
    .join(', ');
  const label = details === '' ? row.name : `${row.name} (${details})`;
  if (row.status !== 'deprecated') return label;
  return row.replacedBy ? `${label} · deprecated → ${row.replacedBy}` : `${label} · deprecated`;
}

/**
 * @example changelogRowLabel({ version: '1.2.0', date: '2026-12-07T09:00:00.000Z', author: 'editor@city' }, 3)
 * // '1.2.0 · 2026-12-07 09:00 UTC · editor@city'
 */
export function changelogRowLabel(entry: ChangelogRowData | undefined, rowNumber = 0): string {
  const parts = [
    entry?.version ?? `Entry ${String(rowNumber).padStart(2, '0')}`,
    entry?.date ? `${entry.date.slice(0, 10)} ${entry.date.slice(11, 16)} UTC` : undefined,
    entry?.author ?? undefined,
  ];
  return parts.filter((part) => part !== undefined && part !== '').join(' · ');
}
