import type { TypeSelection } from './parse-type-selection.js';

/**
 * Whether an entity with these types satisfies a type selection (§4.17): `;` needs every
 * operand, `,` and `|` need one. Names are mapped with `expand` first (the request's @context).
 * @example matchesTypeSelection(parsed, ['https://…/Home', 'https://…/Vehicle'], expand) // true for 'Home;Vehicle'
 */
export function matchesTypeSelection(
  selection: TypeSelection,
  types: readonly string[],
  expand: (name: string) => string = (name) => name,
): boolean {
  if (selection.kind === 'type') return types.includes(expand(selection.name));
  const test = (operand: TypeSelection) => matchesTypeSelection(operand, types, expand);
  return selection.kind === 'and' ? selection.operands.every(test) : selection.operands.some(test);
}
