import type { AttributePath } from '@legocity/ngsi-ld';
import { jsonpathKey } from './jsonpath-text.js';

/**
 * Where the value of an attribute instance lives, by attribute type (ETSI GS CIM 009 v1.8.1 §4.5,
 * §4.9): each stored instance has exactly one of these members, so a term looks at all of them
 * instead of testing `type`. `textOnly` members hold only strings (IRIs, language strings);
 * `relationship` members hold entity ids, which only == and != may compare (§4.9).
 */
const VALUE_TARGETS = [
  { accessor: '@.value', textOnly: false, relationship: false },
  // A JSON-LD typed value such as {"@type": "DateTime", "@value": "2024-01-01T00:00:00Z"}.
  { accessor: '@.value."@value"', textOnly: false, relationship: false },
  { accessor: '@.object', textOnly: true, relationship: true },
  { accessor: '@.languageMap.*', textOnly: true, relationship: false },
  { accessor: '@.valueList', textOnly: false, relationship: false },
  { accessor: '@.objectList', textOnly: true, relationship: true },
  { accessor: '@.json', textOnly: false, relationship: false },
  { accessor: '@.vocab', textOnly: true, relationship: false },
];
const VOCAB_ACCESSOR = '@.vocab';

/** Members a `[ ]` path may enter: compound values, and a LanguageProperty's map by language. */
const COMPOUND_TARGETS = [
  { accessor: '@.value', textOnly: false },
  { accessor: '@.json', textOnly: false },
  { accessor: '@.valueList', textOnly: false },
  { accessor: '@.languageMap', textOnly: true },
];

/** Which target values a predicate may look at. */
export interface TargetRule {
  /** Relationship objects: only for == and != (§4.9). */
  relationships: boolean;
  /** Members holding only strings: skipped when the query value is a number or boolean. */
  text: boolean;
}

export type Expand = (name: string) => string;

/**
 * The jsonpath of the instances a path addresses: the attribute's instances (every datasetId),
 * then sub-attributes by expanded name. In lax mode the array of instances is unwrapped.
 * @example instancesPath(path('temperature.accuracy'), expand) // '$."…/temperature".sub."…/accuracy"'
 */
export function instancesPath(path: AttributePath, expand: Expand): string {
  const attribute = jsonpathKey(expand(path.attribute));
  return `$${attribute}${path.subAttributes.map((name) => `.sub${jsonpathKey(expand(name))}`).join('')}`;
}

/**
 * A jsonpath that finds something when the path's target element exists (§4.9): the
 * (sub-)attribute, the member, or a defined value at the `[ ]` path.
 * @example existsJsonpath(path('address[city]'), expand) // '$."…/address" ? (exists(@.value."city") || …)'
 */
export function existsJsonpath(path: AttributePath, expand: Expand): string {
  const instances = instancesPath(path, expand);
  if (path.member) return `${instances}${jsonpathKey(path.member)}`;
  if (path.jsonPath.length === 0) return instances;
  const targets = compoundTargets(path, { relationships: false, text: true });
  return `${instances} ? (${targets.map((target) => `exists(${target})`).join(' || ')})`;
}

/**
 * A jsonpath that finds something when any target value of the path satisfies `predicate`
 * (written on `@`): any instance, any array element, any language. `vocabPredicate`, when given,
 * replaces `predicate` on VocabProperty values (compared with the expanded query value, §4.9).
 * @example matchJsonpath(path('speed'), expand, '@ > $v0', rule) // '$."…/speed" ? (exists(@.value ? (@ > $v0)) || …)'
 */
export function matchJsonpath(
  path: AttributePath,
  expand: Expand,
  predicate: string,
  rule: TargetRule,
  vocabPredicate?: string,
): string {
  const instances = instancesPath(path, expand);
  if (path.member) return `${instances}${jsonpathKey(path.member)} ? (${predicate})`;
  const targets =
    path.jsonPath.length > 0
      ? compoundTargets(path, rule)
      : VALUE_TARGETS.filter(
          (target) =>
            (rule.text || !target.textOnly) && (rule.relationships || !target.relationship),
        ).map((target) => target.accessor);
  const predicateOf = (target: string) =>
    target === VOCAB_ACCESSOR && vocabPredicate ? vocabPredicate : predicate;
  return `${instances} ? (${targets.map((target) => `exists(${target} ? (${predicateOf(target)}))`).join(' || ')})`;
}

function compoundTargets(path: AttributePath, rule: TargetRule): string[] {
  const keys = path.jsonPath.map((key) => (key === '*' ? '.*' : jsonpathKey(key))).join('');
  return COMPOUND_TARGETS.filter((target) => rule.text || !target.textOnly).map(
    (target) => `${target.accessor}${keys}`,
  );
}
