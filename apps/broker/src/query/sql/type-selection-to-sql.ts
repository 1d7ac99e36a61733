import type { TypeSelection } from '@legocity/ngsi-ld';
import type { SqlParams } from '../../storage/sql-params.js';

export interface TypeSelectionToSqlOptions {
  /** The text[] column of expanded entity types, e.g. `e.types`. */
  typesColumn: string;
  /** Expand a type name to its IRI with the request's @context. */
  expandType: (name: string) => string;
  params: SqlParams;
}

/**
 * Translate an entity type selection (ETSI GS CIM 009 v1.8.1 §4.17) into SQL on the types array.
 * The names under one or become one `&&` (overlaps) and those under one and one `@>`
 * (contains), so the GIN index on types serves both; nested groups combine with or/and.
 * @example
 * typeSelectionToSql(parseTypeSelection('(Home;Vehicle)|Motorhome').value, { typesColumn: 'e.types', expandType, params })
 * // '(e.types @> $1::text[] or e.types && $2::text[])'
 */
export function typeSelectionToSql(
  selection: TypeSelection,
  options: TypeSelectionToSqlOptions,
): string {
  const { typesColumn, expandType, params } = options;
  if (selection.kind === 'type')
    return `${typesColumn} @> ${params.add([expandType(selection.name)])}::text[]`;
  const names = selection.operands.flatMap((operand) =>
    operand.kind === 'type' ? [expandType(operand.name)] : [],
  );
  const parts: string[] = [];
  if (names.length > 0) {
    const operator = selection.kind === 'or' ? '&&' : '@>';
    parts.push(`${typesColumn} ${operator} ${params.add([...new Set(names)])}::text[]`);
  }
  for (const operand of selection.operands) {
    if (operand.kind !== 'type') parts.push(typeSelectionToSql(operand, options));
  }
  return parts.length === 1 ? (parts[0] ?? 'false') : `(${parts.join(` ${selection.kind} `)})`;
}
