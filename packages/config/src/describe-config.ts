import { schemaEntries, type Schema } from './schema.js';

/** One row of the configuration reference in a README. */
export interface ConfigRow {
  /** Dotted key in the loaded configuration, e.g. `http.port`. */
  key: string;
  variable: string;
  type: string;
  /** The default as an operator would type it; absent when there is none. */
  default: string | undefined;
  isRequired: boolean;
  isSecret: boolean;
  description: string;
}

/**
 * Describes every variable of a schema, in declaration order, for generated docs.
 * A secret's default is never shown.
 * @example formatConfigTable(describeConfig(schema)) // Markdown for the README
 */
export function describeConfig(schema: Schema): ConfigRow[] {
  return schemaEntries(schema).map(({ key, field }) => ({
    key,
    variable: field.env,
    type: field.type,
    default: field.default === undefined || field.secret ? undefined : field.format(field.default),
    isRequired: field.default === undefined && !field.optional,
    isSecret: field.secret,
    description: field.description ?? '',
  }));
}
