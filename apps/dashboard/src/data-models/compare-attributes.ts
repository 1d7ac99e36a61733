import {
  FIXED_ATTRIBUTE_MEMBERS,
  type DataModelAttribute,
  type DataModelComparison,
  type DataModelChange,
  type DataModelProblem,
} from './data-model.js';
import { changeLines, problemMessages, shown } from './data-model-messages.js';

/**
 * Compare the stored attribute list with the one being saved, by name (so a rename is an added
 * attribute plus a removed one). Accepted: adding an active attribute, deprecating one (with a
 * replacement), un-deprecating, changing a replacement or a description, and removing an
 * attribute the stored version had already deprecated. Refused: removing an active attribute,
 * changing an attribute's kind, valueType or unitCode, and adding an attribute as deprecated.
 * @example compareAttributes([temperature], [{ ...temperature, valueType: 'string' }]).problems[0].path
 * // 'attributes.0.valueType'
 */
export function compareAttributes(
  previous: readonly DataModelAttribute[],
  next: readonly DataModelAttribute[],
): DataModelComparison {
  const changes: DataModelChange[] = [];
  const problems: DataModelProblem[] = [];
  const nextNames = new Set(next.map((attribute) => attribute.name));
  const before = new Map(previous.map((attribute) => [attribute.name, attribute]));

  for (const old of previous) {
    if (nextNames.has(old.name)) continue;
    if (old.status === 'deprecated' && old.replacedBy !== undefined) {
      changes.push(change('attribute-removed', old.name, changeLines.removed(old.name)));
    } else {
      problems.push({
        path: 'attributes',
        message: problemMessages.activeAttributeRemoved(old.name),
      });
    }
  }
  next.forEach((attribute, index) => {
    const old = before.get(attribute.name);
    if (old === undefined) {
      if (attribute.status === 'deprecated') {
        problems.push({
          path: `attributes.${index}.status`,
          message: problemMessages.newAttributeDeprecated(attribute.name),
        });
      } else {
        changes.push(change('attribute-added', attribute.name, changeLines.added(attribute)));
      }
      return;
    }
    problems.push(...fixedMemberProblems(old, attribute, index));
    changes.push(...lifecycleChanges(old, attribute));
    if (old.description !== attribute.description) {
      const line = changeLines.attributeDescribed(attribute.name);
      changes.push(change('attribute-description', attribute.name, line));
    }
  });
  return { changes, problems };
}

function fixedMemberProblems(
  old: DataModelAttribute,
  attribute: DataModelAttribute,
  index: number,
): DataModelProblem[] {
  return FIXED_ATTRIBUTE_MEMBERS.filter((member) => old[member] !== attribute[member]).map(
    (member) => ({
      path: `attributes.${index}.${member}`,
      message: problemMessages.attributeChanged(
        attribute.name,
        member,
        shown(old[member]),
        shown(attribute[member]),
      ),
    }),
  );
}

function lifecycleChanges(old: DataModelAttribute, attribute: DataModelAttribute) {
  const { name, replacedBy } = attribute;
  if (old.status === 'active' && attribute.status === 'deprecated') {
    return [change('attribute-deprecated', name, changeLines.deprecated(name, shown(replacedBy)))];
  }
  if (old.status === 'deprecated' && attribute.status === 'active') {
    return [change('attribute-reactivated', name, changeLines.reactivated(name))];
  }
  if (attribute.status === 'deprecated' && old.replacedBy !== replacedBy) {
    const line = changeLines.replacementChanged(name, shown(old.replacedBy), shown(replacedBy));
    return [change('attribute-replacement', name, line)];
  }
  return [];
}

function change(kind: DataModelChange['kind'], attribute: string, line: string): DataModelChange {
  return { kind, attribute, line, needsNewVersion: true };
}
