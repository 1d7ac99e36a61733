import { NgsiLdError, describeProblem, type Problem } from '@legocity/ngsi-ld';
import { DUMP_FORMAT_VERSION } from './dump-format.js';

/** Where in a dump a problem is: its line and, once a table line was read, the table. */
export interface DumpPlace {
  line: number;
  table?: string | undefined;
}

/**
 * Every message of backup and restore (STYLE.md habit 5). Refusals of a dump are 400
 * BadRequestData naming the line and table; nothing is ever echoed from a row (dumps hold key
 * hashes).
 */
export const backupErrors = {
  notEmpty(found: Record<string, number>): NgsiLdError {
    const what = Object.entries(found)
      .filter(([, n]) => n > 0)
      .map(([name, n]) => `${name}: ${n}`)
      .join(', ');
    return new NgsiLdError(
      'AlreadyExists',
      `The broker is not empty (${what}): restore refuses to overwrite it; send ?replace=true to replace everything it holds`,
      { field: 'replace', extra: { found } },
    );
  },

  restoreRunning(): NgsiLdError {
    return new NgsiLdError(
      'AlreadyExists',
      'Another restore is running on this broker; retry when it has finished',
    );
  },

  badLine(place: DumpPlace, problems: readonly Problem[]): NgsiLdError {
    return dumpError(place, problems.map(describeProblem).join('; '));
  },

  formatVersion(place: DumpPlace, version: number): NgsiLdError {
    return dumpError(
      place,
      `formatVersion ${version} is not supported: this broker reads version ${DUMP_FORMAT_VERSION}`,
    );
  },

  newerMigrations(place: DumpPlace, schema: string, level: number, known: number): NgsiLdError {
    return dumpError(
      place,
      `schema ${schema} is at migration ${level} but this broker knows migrations up to ${known}: the dump comes from a newer broker; upgrade this one first`,
    );
  },

  unexpected(place: DumpPlace, what: string, expected: string): NgsiLdError {
    return dumpError(place, `${what} is not expected here; expected ${expected}`);
  },

  truncated(lastLine: number): NgsiLdError {
    return dumpError(
      { line: lastLine },
      'the dump ends without its end line: it is truncated (an interrupted download or a cut file)',
    );
  },

  mismatch(
    place: DumpPlace,
    what: string,
    read: string | number,
    stated: string | number,
  ): NgsiLdError {
    return dumpError(
      place,
      `${what} is ${read} but the dump states ${stated}: the dump was altered or damaged`,
    );
  },

  /** A dump that contradicts itself or this broker, in the caller's words. */
  inconsistent(place: DumpPlace, message: string): NgsiLdError {
    return dumpError(place, message);
  },

  typeDiffers(place: DumpPlace, column: string, dumped: string, target: string): NgsiLdError {
    return dumpError(
      place,
      `column ${column} has type ${dumped} in the dump but ${target} in this broker at the same migration level`,
    );
  },

  unknownTarget(place: DumpPlace, what: string): NgsiLdError {
    return dumpError(place, `${what} does not exist in this broker at the dump's migration level`);
  },

  insertFailed(
    place: DumpPlace,
    lines: string,
    cause: { code?: string; constraint?: string },
  ): NgsiLdError {
    const constraint = cause.constraint ? ` (constraint ${cause.constraint})` : '';
    return dumpError(
      place,
      `the rows on lines ${lines} could not be stored: ${SQL_RULES[cause.code ?? ''] ?? `database error ${cause.code ?? 'unknown'}`}${constraint}`,
    );
  },

  readBackDiffers(table: string): NgsiLdError {
    return new NgsiLdError(
      'OperationNotSupported',
      `Table ${table} does not read back as in the dump once restored (its SHA-256 differs): this broker cannot restore it faithfully; nothing was changed`,
      { field: 'table', extra: { table } },
    );
  },

  replaceParam(): NgsiLdError {
    return new NgsiLdError('BadRequestData', "Query parameter 'replace' must be true or false", {
      field: 'replace',
    });
  },

  /** NDJSON sent to a route other than restore. */
  ndjsonElsewhere(): NgsiLdError {
    return new NgsiLdError(
      'UnsupportedMediaType',
      'Content-Type application/x-ndjson is only accepted by POST /admin/restore; use application/json or application/ld+json',
      { field: 'Content-Type' },
    );
  },

  mediaType(given: string | undefined): NgsiLdError {
    return new NgsiLdError(
      'UnsupportedMediaType',
      `Content-Type ${given ?? '(none)'} is not supported: restore takes application/x-ndjson (a dump from GET /admin/backup)`,
      { field: 'Content-Type' },
    );
  },
};

// SQLSTATEs a damaged or foreign dump causes, as rules (never the database's message: it may
// quote a value from the row).
const SQL_RULES: Record<string, string> = {
  '22P02': 'a value is not valid for its column type',
  '22007': 'a date or time value is not valid',
  '22008': 'a date or time value is out of range',
  '22003': 'a number is out of range for its column type',
  '22001': 'a value is too long for its column',
  '22023': 'a value is not valid for its column type',
  XX000: 'a value is not valid for its column type',
  '23505': 'a row repeats a unique key',
  '23503': 'a row refers to a row that is not in the dump',
  '23502': 'a required value is null',
  '23514': 'a value breaks a check rule',
};

function dumpError(place: DumpPlace, message: string): NgsiLdError {
  const table = place.table ? ` (table ${place.table})` : '';
  return new NgsiLdError('BadRequestData', `Dump line ${place.line}${table}: ${message}`, {
    field: 'body',
    extra: { line: place.line, ...(place.table ? { table: place.table } : {}) },
  });
}
