/**
 * Every message of the data-model change rules, and every changelog line, in one place. A message
 * names the field, the rule, and what to do instead.
 */
import type { DataModelAttribute } from './data-model.js';

const STAGED_CHANGE =
  'mark it deprecated with replacedBy in one version, and remove it in a later version';

/** Messages of broken rules (ValidationError field messages). */
export const problemMessages = {
  versionNotSemantic: (version: string) =>
    `Version '${version}' is not a semantic version: write MAJOR.MINOR.PATCH, e.g. 1.2.0`,
  versionNotRaised: (current: string, suggestion: string) =>
    `Version must be higher than the current version ${current} because the data model changed: e.g. ${suggestion}`,
  versionNotHigher: (current: string, next: string) =>
    `Version ${next} is not higher than the current version ${current}: a data model's version only increases`,
  entityTypeChanged: (from: string, to: string) =>
    `Entity type cannot change from '${from}' to '${to}': create a new data model for '${to}'`,
  activeAttributeRemoved: (name: string) =>
    `Attribute '${name}' cannot be removed while it is active: ${STAGED_CHANGE} (a rename is a new attribute plus a removed one)`,
  attributeChanged: (name: string, member: string, from: string, to: string) =>
    `Attribute '${name}' cannot change its ${member} from ${from} to ${to}: add a new attribute, mark '${name}' deprecated with replacedBy, and remove it in a later version`,
  newAttributeDeprecated: (name: string) =>
    `Attribute '${name}' is new, so it cannot be deprecated yet: add it as active`,
  duplicateName: (name: string) =>
    `Attribute name '${name}' is used more than once: each attribute needs its own name`,
  replacementMissing: (name: string) =>
    `Attribute '${name}' is deprecated, so replacedBy must name the attribute that replaces it`,
  replacementUnknown: (name: string, replacement: string) =>
    `replacedBy of '${name}' must name an attribute of this model: there is no '${replacement}'`,
  replacementItself: (name: string) =>
    `replacedBy of '${name}' must name another attribute, not '${name}' itself`,
  replacementDeprecated: (name: string, replacement: string) =>
    `replacedBy of '${name}' must name an active attribute: '${replacement}' is deprecated (point '${name}' at what replaces '${replacement}')`,
};

/** Changelog lines of accepted changes. */
export const changeLines = {
  created: (attributes: readonly DataModelAttribute[]) =>
    attributes.length === 0
      ? 'created, with no attributes'
      : `created with ${attributes.map(describeAttribute).join(', ')}`,
  added: (attribute: DataModelAttribute) => `added attribute ${describeAttribute(attribute)}`,
  removed: (name: string) => `removed '${name}'`,
  deprecated: (name: string, replacement: string) =>
    `deprecated '${name}' → replaced by '${replacement}'`,
  reactivated: (name: string) => `'${name}' is active again (no longer deprecated)`,
  replacementChanged: (name: string, from: string, to: string) =>
    `'${name}' is now replaced by '${to}' (was '${from}')`,
  attributeDescribed: (name: string) => `changed the description of '${name}'`,
  idPatternChanged: (from: string | undefined, to: string | undefined) =>
    `changed the id pattern from ${quoted(from)} to ${quoted(to)}`,
  described: () => 'changed the description of the model',
  versionOnly: (from: string, to: string) =>
    `raised the version from ${from} to ${to}; the contract is unchanged`,
};

/**
 * An attribute for a changelog line: its name, then kind (unless Property), value type and unit.
 * @example describeAttribute({ name: 'pm25', kind: 'Property', valueType: 'number', unitCode: 'GQ', status: 'active' })
 * // "'pm25' (number, GQ)"
 */
export function describeAttribute(attribute: DataModelAttribute): string {
  const details = [
    attribute.kind === 'Property' ? undefined : attribute.kind,
    attribute.valueType,
    attribute.unitCode,
  ].filter((part) => part !== undefined);
  return details.length === 0
    ? `'${attribute.name}'`
    : `'${attribute.name}' (${details.join(', ')})`;
}

/** A possibly missing value in a message: `none` or the value itself. */
export function shown(value: string | undefined): string {
  return value ?? 'none';
}

function quoted(value: string | undefined): string {
  return value === undefined ? 'none' : `'${value}'`;
}
