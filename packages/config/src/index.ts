/**
 * @legocity/config — environment and files to typed configuration. Read once at start-up;
 * every problem reported at once, by variable name, never by value. No dependencies.
 */
export { FIELD, defineField, isField } from './field.js';
export type {
  Field,
  FieldOptions,
  FieldResult,
  FieldSpec,
  OptionalFieldOptions,
  RequiredFieldOptions,
} from './field.js';
export { schemaEntries } from './schema.js';
export type { ConfigOf, Schema, SchemaEntry } from './schema.js';
export { string } from './fields/string-field.js';
export type { StringOptions } from './fields/string-field.js';
export { integer, number } from './fields/number-field.js';
export type { NumberOptions } from './fields/number-field.js';
export { boolean } from './fields/boolean-field.js';
export { oneOf } from './fields/one-of-field.js';
export { url } from './fields/url-field.js';
export type { UrlOptions } from './fields/url-field.js';
export { duration, formatDuration, parseDuration } from './fields/duration-field.js';
export { list } from './fields/list-field.js';
export { path } from './fields/path-field.js';
export type { PathOptions } from './fields/path-field.js';
export { readRawValue } from './read-raw-value.js';
export type { ConfigSources, RawValue } from './read-raw-value.js';
export { loadConfig } from './load-config.js';
export type { ConfigProblem, LoadConfigResult } from './load-config.js';
export { formatProblems } from './format-problems.js';
export { REDACTED, summarizeConfig } from './summarize-config.js';
export { maskUrlPassword } from './mask-url-password.js';
export { describeConfig } from './describe-config.js';
export type { ConfigRow } from './describe-config.js';
export { formatConfigTable } from './format-config-table.js';
