import { readRawValue, type ConfigSources } from './read-raw-value.js';
import { schemaEntries, setAtPath, type ConfigOf, type Schema } from './schema.js';
import { messages } from './messages.js';

/** One thing wrong with the configuration: the variable to fix and the rule it breaks. */
export interface ConfigProblem {
  variable: string;
  message: string;
}

export type LoadConfigResult<T> = { ok: true; value: T } | { ok: false; problems: ConfigProblem[] };

/**
 * Reads, parses and validates every field of `schema`, and reports every problem at once so an
 * operator fixes the deployment in one round. Never throws for bad input; never echoes a value.
 * @example
 * const result = loadConfig(schema, { env: process.env, readFile: (p) => readFileSync(p, 'utf8') });
 * if (!result.ok) { console.error(formatProblems(result.problems)); return 1; }
 * const config = result.value; // ConfigOf<typeof schema>
 */
export function loadConfig<S extends Schema>(
  schema: S,
  sources: ConfigSources,
): LoadConfigResult<ConfigOf<S>> {
  const value: Record<string, unknown> = {};
  const problems: ConfigProblem[] = [];

  for (const { path, field } of schemaEntries(schema)) {
    const raw = readRawValue(field.env, sources);
    if (raw.kind === 'problem') {
      problems.push({ variable: raw.variable, message: raw.message });
    } else if (raw.kind === 'text') {
      const parsed = field.parse(raw.text);
      if (parsed.ok) setAtPath(value, path, parsed.value);
      else problems.push({ variable: raw.variable, message: parsed.message });
    } else if (field.default !== undefined || field.optional) {
      // A copy, so a caller mutating its config cannot change the schema's default.
      const fallback: unknown = Array.isArray(field.default)
        ? (field.default as unknown[]).slice()
        : field.default;
      setAtPath(value, path, fallback);
    } else {
      problems.push({ variable: field.env, message: messages.required(`${field.env}_FILE`) });
    }
  }

  return problems.length === 0
    ? { ok: true, value: value as ConfigOf<S> }
    : { ok: false, problems };
}
