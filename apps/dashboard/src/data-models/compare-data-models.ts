import { checkAttributes } from './check-attributes.js';
import { compareAttributes } from './compare-attributes.js';
import type {
  DataModelChange,
  DataModelComparison,
  DataModelContract,
  DataModelProblem,
} from './data-model.js';
import { changeLines, problemMessages } from './data-model-messages.js';
import {
  compareSemanticVersions,
  nextVersion,
  parseSemanticVersion,
  type SemanticVersion,
  type VersionBump,
} from './semantic-version.js';

/**
 * Compare a data model as stored (`undefined` when it is being created) with the version being
 * saved, and return every change (the changelog lines) and every broken rule at once. The save is
 * accepted only when `problems` is empty. Rules, beyond those of compareAttributes and
 * checkAttributes: the version is a semantic version; it increases whenever the contract
 * (attributes, id pattern) changes and never decreases; the entity type never changes.
 * @example
 * const { changes, problems } = compareDataModels(stored, incoming);
 * if (problems.length === 0) changelog.push(changes.map((change) => change.line));
 */
export function compareDataModels(
  previous: DataModelContract | undefined,
  next: DataModelContract,
): DataModelComparison {
  const version = parseSemanticVersion(next.version);
  const notSemantic: DataModelProblem[] =
    version === undefined
      ? [{ path: 'version', message: problemMessages.versionNotSemantic(next.version) }]
      : [];
  if (previous === undefined) {
    const line = changeLines.created(next.attributes);
    return {
      changes: [{ kind: 'created', line, needsNewVersion: false }],
      problems: [...checkAttributes(next.attributes), ...notSemantic],
    };
  }
  const attributes = compareAttributes(previous.attributes, next.attributes);
  const changes = [...modelChanges(previous, next), ...attributes.changes];
  const refused: DataModelProblem[] = [...attributes.problems];
  if (previous.entityType !== next.entityType) {
    refused.unshift({
      path: 'entityType',
      message: problemMessages.entityTypeChanged(previous.entityType, next.entityType),
    });
  }
  // A refused change is a change too: say at once that it will also need a new version.
  const isContractChanged = refused.length > 0 || changes.some((change) => change.needsNewVersion);
  const problems = [...refused, ...checkAttributes(next.attributes), ...notSemantic];
  if (version !== undefined) {
    const current = { text: previous.version, changes, isContractChanged };
    problems.push(...versionProblems(current, { text: next.version, version }));
  }
  if (changes.length === 0 && previous.version !== next.version) {
    const line = changeLines.versionOnly(previous.version, next.version);
    changes.push({ kind: 'version', line, needsNewVersion: false });
  }
  return { changes, problems };
}

function modelChanges(previous: DataModelContract, next: DataModelContract): DataModelChange[] {
  const changes: DataModelChange[] = [];
  if (previous.idPattern !== next.idPattern) {
    const line = changeLines.idPatternChanged(previous.idPattern, next.idPattern);
    changes.push({ kind: 'id-pattern', line, needsNewVersion: true });
  }
  if (previous.description !== next.description) {
    changes.push({ kind: 'description', line: changeLines.described(), needsNewVersion: false });
  }
  return changes;
}

function versionProblems(
  current: { text: string; changes: readonly DataModelChange[]; isContractChanged: boolean },
  next: { text: string; version: SemanticVersion },
): DataModelProblem[] {
  const stored = parseSemanticVersion(current.text);
  // A version stored before versions were checked may not parse: any valid one then follows it.
  if (stored === undefined) return [];
  const order = compareSemanticVersions(next.version, stored);
  if (current.text !== next.text && order <= 0) {
    const message = problemMessages.versionNotHigher(current.text, next.text);
    return [{ path: 'version', message }];
  }
  if (order === 0 && current.isContractChanged) {
    const suggestion = nextVersion(current.text, bumpFor(current.changes));
    return [
      { path: 'version', message: problemMessages.versionNotRaised(current.text, suggestion) },
    ];
  }
  return [];
}

/** The conventional level of a set of changes: removals break readers, additions do not. */
function bumpFor(changes: readonly DataModelChange[]): VersionBump {
  if (changes.some((change) => change.kind === 'attribute-removed')) return 'major';
  // No accepted change means only refused ones: a real change is at least an addition.
  const wordingOnly =
    changes.length > 0 &&
    changes.every(
      (change) => change.kind === 'attribute-description' || change.kind === 'description',
    );
  return wordingOnly ? 'patch' : 'minor';
}
