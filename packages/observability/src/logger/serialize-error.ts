import { maskUrlPasswords } from '../mask-url-passwords.js';

/** An error as it appears in a log line. */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  code?: string | number;
  cause?: SerializedError;
  /** The errors of an `AggregateError` (Node reports a failed dual-stack connect this way). */
  errors?: SerializedError[];
}

// Deep enough for real cause chains; stops cycles (a.cause = b, b.cause = a) without a Set.
const MAX_DEPTH = 8;

type ErrorLike = Partial<Record<keyof SerializedError, unknown>> & { message: string };

/**
 * Keeps what explains an error — name, message, stack, code, causes — and drops every other
 * property, because drivers attach whole configs (with passwords) to their errors. URL passwords
 * in the message and stack are masked. Error-like objects (`{ message, code }`, or an already
 * serialised error, since the logger serialises `err` again) are read the same way.
 * @example logger.error({ err: serializeError(error) }, 'Batch upsert failed')
 */
export function serializeError(error: unknown, depth = 0): SerializedError {
  if (!isErrorLike(error)) {
    return { name: 'NonError', message: maskUrlPasswords(describeNonError(error)) };
  }
  const out: SerializedError = {
    name: typeof error.name === 'string' ? error.name : 'Error',
    message: maskUrlPasswords(error.message),
  };
  if (typeof error.stack === 'string') out.stack = maskUrlPasswords(error.stack);
  if (typeof error.code === 'string' || typeof error.code === 'number') out.code = error.code;
  if (depth < MAX_DEPTH) {
    if (error.cause !== undefined) out.cause = serializeError(error.cause, depth + 1);
    if (Array.isArray(error.errors)) {
      out.errors = error.errors.map((inner: unknown) => serializeError(inner, depth + 1));
    }
  }
  return out;
}

function isErrorLike(value: unknown): value is ErrorLike {
  return (
    value instanceof Error ||
    (typeof value === 'object' &&
      value !== null &&
      typeof (value as { message?: unknown }).message === 'string')
  );
}

function describeNonError(value: unknown): string {
  if (typeof value === 'string') return value;
  // Objects would print as [object Object], and their JSON may hold secrets: give the type only.
  return typeof value === 'object' && value !== null ? 'non-error object thrown' : String(value);
}
