import type { DataModelAttribute, DataModelProblem } from './data-model.js';
import { problemMessages } from './data-model-messages.js';

/**
 * Rules one version of an attribute list must follow by itself, whatever came before: names are
 * unique, and a deprecated attribute names its replacement — another attribute of the list that
 * is active. Paths point at the row (`attributes.<index>.<member>`), so the admin highlights it.
 * @example checkAttributes([{ name: 'pm10', kind: 'Property', status: 'deprecated' }])
 * // [{ path: 'attributes.0.replacedBy', message: "Attribute 'pm10' is deprecated, so replacedBy must …" }]
 */
export function checkAttributes(attributes: readonly DataModelAttribute[]): DataModelProblem[] {
  const problems: DataModelProblem[] = [];
  const byName = new Map<string, DataModelAttribute>();
  attributes.forEach((attribute, index) => {
    if (byName.has(attribute.name)) {
      problems.push({
        path: `attributes.${index}.name`,
        message: problemMessages.duplicateName(attribute.name),
      });
    } else {
      byName.set(attribute.name, attribute);
    }
  });
  attributes.forEach((attribute, index) => {
    if (attribute.status !== 'deprecated') return;
    const path = `attributes.${index}.replacedBy`;
    const replacement = attribute.replacedBy;
    const message =
      replacement === undefined
        ? problemMessages.replacementMissing(attribute.name)
        : replacement === attribute.name
          ? problemMessages.replacementItself(attribute.name)
          : replacementProblem(attribute.name, byName.get(replacement), replacement);
    if (message !== undefined) problems.push({ path, message });
  });
  return problems;
}

function replacementProblem(
  name: string,
  replacement: DataModelAttribute | undefined,
  replacementName: string,
): string | undefined {
  if (replacement === undefined) return problemMessages.replacementUnknown(name, replacementName);
  if (replacement.status !== 'active') {
    return problemMessages.replacementDeprecated(name, replacementName);
  }
  return undefined;
}
