import type { DataModelChange } from './data-model.js';

/** One entry of a data model's changelog, as stored in its `changelog` array. */
export interface ChangelogEntry {
  version: string;
  /** ISO 8601 time of the save. */
  date: string;
  /** Who saved it: the user's e-mail, or `system` for server code acting without a user. */
  author: string;
  /** One line per change, e.g. "added attribute 'pm25' (number, GQ)". */
  changes: string;
}

export interface ChangelogEntryInput {
  version: string;
  changes: readonly DataModelChange[];
  author: string | undefined;
  at: Date;
}

/** The author recorded when server code saves without a user (seeds, scripts). */
export const SYSTEM_AUTHOR = 'system';

/**
 * The changelog entry of an accepted save, or undefined when the save changed nothing (an admin
 * "Save" without edits records nothing).
 * @example changelogEntry({ version: '1.1.0', changes, author: 'editor@city.example', at: new Date() })
 * // { version: '1.1.0', date: '2026-12-07T09:00:00.000Z', author: 'editor@city.example', changes: "added attribute 'pm25' (number, GQ)" }
 */
export function changelogEntry(input: ChangelogEntryInput): ChangelogEntry | undefined {
  if (input.changes.length === 0) return undefined;
  return {
    version: input.version,
    date: input.at.toISOString(),
    author: input.author ?? SYSTEM_AUTHOR,
    changes: input.changes.map((change) => change.line).join('\n'),
  };
}
