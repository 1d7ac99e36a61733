import { messages } from './messages.js';

/** Where configuration text comes from; the app's config.ts passes `process.env` and a reader. */
export interface ConfigSources {
  env: Readonly<Record<string, string | undefined>>;
  /** Reads a whole file as UTF-8, e.g. `(path) => readFileSync(path, 'utf8')`. */
  readFile?: (path: string) => string;
}

/** A variable's text and the variable that supplied it, or why it could not be read. */
export type RawValue =
  | { kind: 'unset' }
  | { kind: 'text'; text: string; variable: string }
  | { kind: 'problem'; variable: string; message: string };

/**
 * Reads `NAME`, or the file named by `NAME_FILE` (the Docker and Kubernetes secrets convention).
 * An empty variable counts as unset, because compose files often pass `NAME=` for "not given".
 * @example readRawValue('DATABASE_URL', { env: { DATABASE_URL_FILE: '/run/secrets/db' }, readFile })
 */
export function readRawValue(variable: string, sources: ConfigSources): RawValue {
  const fileVariable = `${variable}_FILE`;
  const direct = sources.env[variable];
  const filePath = sources.env[fileVariable];
  const hasDirect = isGiven(direct);
  const hasFile = isGiven(filePath);

  if (hasDirect && hasFile) {
    return { kind: 'problem', variable, message: messages.bothSet(fileVariable) };
  }
  if (hasDirect) return { kind: 'text', text: direct, variable };
  if (!hasFile) return { kind: 'unset' };
  if (sources.readFile === undefined) {
    return { kind: 'problem', variable: fileVariable, message: messages.noFileReader() };
  }

  let content: string;
  try {
    content = sources.readFile(filePath.trim());
  } catch (error) {
    // Only the error code: the OS message repeats the path, and paths can reveal layout.
    return {
      kind: 'problem',
      variable: fileVariable,
      message: messages.fileUnreadable(errorCode(error)),
    };
  }
  // Editors and `echo` end files with a newline that is not part of the secret.
  const text = content.replace(/[\r\n]+$/, '');
  return text === ''
    ? { kind: 'problem', variable: fileVariable, message: messages.fileEmpty() }
    : { kind: 'text', text, variable: fileVariable };
}

function isGiven(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'unknown error';
}
