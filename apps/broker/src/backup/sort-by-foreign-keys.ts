/** A table name and the tables its foreign keys refer to. */
export interface TableReferences {
  name: string;
  references: readonly string[];
}

/**
 * Order tables so that every table comes after the tables it refers to (a restore inserts them in
 * this order, so foreign keys hold at every insert), by name where the keys leave a choice.
 * References outside the list and self-references are ignored; a cycle keeps its tables by name.
 * @example sortByForeignKeys([{ name: 'outbox', references: ['subscription'] }, { name: 'subscription', references: [] }])
 * // ['subscription', 'outbox']
 */
export function sortByForeignKeys(tables: readonly TableReferences[]): string[] {
  const names = new Set(tables.map((table) => table.name));
  const waitingFor = new Map<string, Set<string>>();
  for (const table of tables) {
    const refs = table.references.filter((ref) => ref !== table.name && names.has(ref));
    waitingFor.set(table.name, new Set(refs));
  }
  const ordered: string[] = [];
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  while (waitingFor.size > 0) {
    const ready = [...waitingFor].filter(([, refs]) => refs.size === 0).map(([name]) => name);
    // A cycle: nothing is ready; take the remaining tables by name (inserts may then fail loudly).
    const next = (ready.length > 0 ? ready : [...waitingFor.keys()]).sort(byName);
    for (const name of next) {
      ordered.push(name);
      waitingFor.delete(name);
      for (const refs of waitingFor.values()) refs.delete(name);
    }
  }
  return ordered;
}
