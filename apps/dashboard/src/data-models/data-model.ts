/**
 * A data model as the change rules see it: the contract update servers validate against (entity
 * type, id pattern, attributes with their lifecycle) and its semantic version. Independent of
 * Payload, so the rules are tested as plain functions.
 */

/** Lifecycle of an attribute: new ones are active; a deprecated one still exists, and names its replacement. */
export const ATTRIBUTE_STATUSES = ['active', 'deprecated'] as const;
export type AttributeStatus = (typeof ATTRIBUTE_STATUSES)[number];

/** Members of an attribute that update servers rely on: none of them may change once published. */
export const FIXED_ATTRIBUTE_MEMBERS = ['kind', 'valueType', 'unitCode'] as const;
export type FixedAttributeMember = (typeof FIXED_ATTRIBUTE_MEMBERS)[number];

/** One attribute; optional texts are undefined when empty. */
export interface DataModelAttribute {
  name: string;
  kind: string;
  valueType?: string;
  unitCode?: string;
  description?: string;
  status: AttributeStatus;
  /** Deprecated attributes: the name of the active attribute that replaces it. */
  replacedBy?: string;
  /** Deprecated attributes: the model version that deprecated it (set by the server). */
  deprecatedIn?: string;
}

/** The parts of a data model the change rules compare. */
export interface DataModelContract {
  entityType: string;
  version: string;
  idPattern?: string;
  description?: string;
  attributes: DataModelAttribute[];
}

export type DataModelChangeKind =
  | 'created'
  | 'id-pattern'
  | 'description'
  | 'version'
  | 'attribute-added'
  | 'attribute-removed'
  | 'attribute-deprecated'
  | 'attribute-reactivated'
  | 'attribute-replacement'
  | 'attribute-description';

/** One accepted difference between two versions of a model: a line of its changelog. */
export interface DataModelChange {
  kind: DataModelChangeKind;
  attribute?: string;
  /** The changelog line, e.g. "added attribute 'pm25' (number, GQ)". */
  line: string;
  /** The change alters the contract (attributes, id pattern), so the version must increase. */
  needsNewVersion: boolean;
}

/** A broken rule, with the Payload field path the admin highlights (`attributes.2.valueType`). */
export interface DataModelProblem {
  path: string;
  message: string;
}

/** What a save would change, and every rule it breaks; it is accepted only without problems. */
export interface DataModelComparison {
  changes: DataModelChange[];
  problems: DataModelProblem[];
}
