/** Marks a schema entry as a field, so nested groups and fields can share one schema object. */
export const FIELD: unique symbol = Symbol('legocity.config.field');

/** What a field's parser returns: the typed value, or why the raw text was rejected. */
export type FieldResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** Options every field builder accepts. */
export interface FieldOptions<T> {
  /** The environment variable that holds the value, e.g. `LEGOCITY_BROKER_PORT`. */
  env: string;
  /** Used when the variable is unset or empty; a field with a default is never `undefined`. */
  default?: T;
  /** The variable may be left unset: the value is then `undefined`. */
  optional?: boolean;
  /** Never logged: summaries show `[redacted]`, docs suggest `<NAME>_FILE`. */
  secret?: boolean;
  /** One sentence for the README configuration table. */
  description?: string;
}

/** Options of a field whose value may be `undefined` (optional, no default). */
export type OptionalFieldOptions<O> = O & { optional: true; default?: undefined };

/**
 * Options of a field that always has a value: required, or given a default. `optional` must be
 * a literal here, so the type of the loaded value cannot lie about `undefined`.
 */
export type RequiredFieldOptions<O, T> = O & ({ optional?: false } | { default: T });

/**
 * One configuration variable: where it comes from, how it is parsed, how it is documented.
 * `IsOptional` is `true` when the loaded value may be `undefined`.
 */
export interface Field<T, IsOptional extends boolean = boolean> {
  readonly [FIELD]: true;
  readonly env: string;
  /** Human-readable type for docs and messages, e.g. `integer (1–65535)`. */
  readonly type: string;
  readonly default: T | undefined;
  readonly optional: IsOptional;
  readonly secret: boolean;
  readonly description: string | undefined;
  /** Turns the raw text into a value; the message never repeats the text (it may be a secret). */
  parse(raw: string): FieldResult<T>;
  /** Writes a value back as an operator would type it (used for defaults in docs). */
  format(value: T): string;
}

/** What a builder supplies; `defineField` adds the shared options. */
export interface FieldSpec<T> {
  type: string;
  parse: (raw: string) => FieldResult<T>;
  format?: (value: T) => string;
}

/**
 * Builds a field from a spec and the caller's options. Builders use it; apps use the builders.
 * @example defineField({ type: 'string', parse: (raw) => ({ ok: true, value: raw }) }, { env: 'X' })
 */
export function defineField<T>(spec: FieldSpec<T>, options: FieldOptions<T>): Field<T> {
  return {
    [FIELD]: true,
    env: options.env,
    type: spec.type,
    default: options.default,
    // A default makes a field always present, whatever `optional` says.
    optional: options.optional === true && options.default === undefined,
    secret: options.secret === true,
    description: options.description,
    parse: spec.parse,
    format: spec.format ?? ((value: T) => String(value)),
  };
}

/** @example isField(schema.port) // true for a field, false for a nested group */
export function isField(value: unknown): value is Field<unknown> {
  return typeof value === 'object' && value !== null && FIELD in value;
}

export function accept<T>(value: T): FieldResult<T> {
  return { ok: true, value };
}

export function reject<T = never>(message: string): FieldResult<T> {
  return { ok: false, message };
}
