import { maskUrlPassword } from './mask-url-password.js';
import { getAtPath, schemaEntries, setAtPath, type ConfigOf, type Schema } from './schema.js';

export const REDACTED = '[redacted]';

/**
 * A copy of the configuration that is safe to log at start-up: secrets become `[redacted]`, URL
 * passwords become `***` in every string (a database URL may not be marked secret), and unset
 * values become `null` so the log still shows the key.
 * @example logger.info({ config: summarizeConfig(schema, config) }, 'Configuration loaded')
 */
export function summarizeConfig<S extends Schema>(
  schema: S,
  value: ConfigOf<S>,
): Record<string, unknown> {
  const summary: Record<string, unknown> = {};
  for (const { path, field } of schemaEntries(schema)) {
    const current = getAtPath(value, path);
    const safe =
      current === undefined || current === null ? null : field.secret ? REDACTED : tidy(current);
    setAtPath(summary, path, safe);
  }
  return summary;
}

function tidy(value: unknown): unknown {
  if (typeof value === 'string') return maskUrlPassword(value);
  if (Array.isArray(value)) return value.map(tidy);
  return value;
}
