import { isField, type Field } from './field.js';

/** Fields, possibly grouped: `{ http: { port: integer(…) }, databaseUrl: url(…) }`. */
export interface Schema {
  readonly [key: string]: Field<unknown> | Schema;
}

/**
 * The typed configuration a schema loads into. Optional fields without a default are
 * `T | undefined`; every other field is `T`.
 * @example type Config = ConfigOf<typeof schema>
 */
export type ConfigOf<S extends Schema> = {
  -readonly [K in keyof S]: S[K] extends Field<infer T, infer IsOptional>
    ? IsOptional extends true
      ? T | undefined
      : T
    : S[K] extends Schema
      ? ConfigOf<S[K]>
      : never;
};

/** One field of a schema with its dotted key (`http.port`). */
export interface SchemaEntry {
  key: string;
  path: readonly string[];
  field: Field<unknown>;
}

/**
 * Every field of a schema, depth first, in declaration order.
 * @example schemaEntries({ http: { port } }) // [{ key: 'http.port', path: ['http', 'port'], field: port }]
 */
export function schemaEntries(schema: Schema, parent: readonly string[] = []): SchemaEntry[] {
  return Object.entries(schema).flatMap(([name, entry]) => {
    const path = [...parent, name];
    return isField(entry)
      ? [{ key: path.join('.'), path, field: entry }]
      : schemaEntries(entry, path);
  });
}

/** Sets `value` at `path` inside `target`, creating groups on the way. */
export function setAtPath(
  target: Record<string, unknown>,
  path: readonly string[],
  value: unknown,
): void {
  let node = target;
  for (const name of path.slice(0, -1)) {
    const next = node[name];
    if (typeof next === 'object' && next !== null) {
      node = next as Record<string, unknown>;
    } else {
      const group: Record<string, unknown> = {};
      node[name] = group;
      node = group;
    }
  }
  const last = path[path.length - 1];
  if (last !== undefined) node[last] = value;
}

/** Reads the value at `path`, or `undefined` when a group on the way is missing. */
export function getAtPath(source: unknown, path: readonly string[]): unknown {
  let node = source;
  for (const name of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[name];
  }
  return node;
}
