import { ValidationError, type CollectionBeforeChangeHook, type PayloadRequest } from 'payload';
import { changelogEntry } from './changelog-entry.js';
import { compareDataModels } from './compare-data-models.js';
import { readDataModel } from './read-data-model.js';
import { stampDeprecations, type AttributeRow } from './stamp-deprecations.js';

/**
 * The data-models `beforeChange` hook: every save — admin, REST, GraphQL or Local API — goes
 * through the change rules (compareDataModels). A save that breaks one is refused with a
 * ValidationError naming each field path and rule, before anything is written (the operation's
 * transaction is rolled back). An accepted save gets its attributes' `deprecatedIn` set by the
 * server and one changelog entry appended; the changelog a client sends is always ignored.
 * @example hooks: { beforeChange: [enforceDataModelChange] }
 */
export const enforceDataModelChange: CollectionBeforeChangeHook = ({
  collection,
  data,
  operation,
  originalDoc,
  req,
}) => {
  const history = operation === 'update' ? storedChangelog(originalDoc) : [];
  const next = readDataModel(data);
  // A missing entity type, version or attribute name: Payload's field validation refuses it next.
  if (next === undefined) return { ...data, changelog: history };
  const previous = operation === 'update' ? readDataModel(originalDoc) : undefined;
  const { changes, problems } = compareDataModels(previous, next);
  if (problems.length > 0) {
    throw new ValidationError(
      { collection: collection.slug, errors: problems, id: idOf(originalDoc), req },
      req.t,
    );
  }
  const entry = changelogEntry({
    version: next.version,
    changes,
    author: authorOf(req.user),
    at: new Date(),
  });
  const rows = Array.isArray(data.attributes) ? (data.attributes as AttributeRow[]) : [];
  return {
    ...data,
    attributes: stampDeprecations(rows, previous, next.version),
    changelog: entry === undefined ? history : [...history, entry],
  };
};

function storedChangelog(doc: unknown): unknown[] {
  const changelog = (doc as { changelog?: unknown } | undefined)?.changelog;
  return Array.isArray(changelog) ? changelog : [];
}

function idOf(doc: unknown): number | string | undefined {
  const id = (doc as { id?: unknown } | undefined)?.id;
  return typeof id === 'number' || typeof id === 'string' ? id : undefined;
}

function authorOf(user: PayloadRequest['user']): string | undefined {
  const email = (user as { email?: unknown } | null)?.email;
  return typeof email === 'string' && email !== '' ? email : undefined;
}
