/**
 * The parsed form of an NGSI-LD query (`q`), ETSI GS CIM 009 v1.8.1 §4.9.
 * Names are as the client wrote them (short names, compact or full IRIs); whoever evaluates the
 * query expands them with the request's @context.
 */

/** Members of an attribute instance a path may end with, e.g. `temperature.observedAt`. */
export const Q_MEMBERS = [
  'observedAt',
  'unitCode',
  'datasetId',
  'createdAt',
  'modifiedAt',
] as const;
export type QMember = (typeof Q_MEMBERS)[number];

/** What a query term looks at: an attribute, maybe a sub-attribute or member, maybe a JSON path. */
export interface AttributePath {
  /** The attribute (top-level Property or Relationship) name. */
  attribute: string;
  /** Sub-attribute names, outermost first: `temperature.accuracy` → `['accuracy']`. */
  subAttributes: string[];
  /** A member of the (sub-)attribute instance instead of its value. */
  member?: QMember;
  /**
   * Keys into the value after `[ ]`, never expanded: `address[city]` → `['city']`. For a
   * LanguageProperty the first key is the language tag (`name[en]`); `*` stands for any key.
   */
  jsonPath: string[];
  /** The path as written, for messages. */
  text: string;
}

export type QComparisonOperator = '==' | '!=' | '>' | '>=' | '<' | '<=';

export type QScalar =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'boolean'; value: boolean }
  /** dateTime values are normalized (UTC, milliseconds, `Z`); date and time are as written. */
  | { kind: 'dateTime' | 'date' | 'time'; value: string }
  /** An unquoted absolute URI, e.g. a relationship object `urn:ngsi-ld:Building:1`. */
  | { kind: 'uri'; value: string };

/** Scalars that have an order: what `>`, `<`, ranges accept. */
export type QComparableScalar = Extract<
  QScalar,
  { kind: 'number' | 'string' | 'dateTime' | 'date' | 'time' }
>;

export type QValue =
  | QScalar
  /** `min..max`, both included. */
  | { kind: 'range'; min: QComparableScalar; max: QComparableScalar }
  /** `a,b,c`: equal to any of them. */
  | { kind: 'list'; values: QScalar[] };

export type QExpression =
  | { kind: 'and'; operands: QExpression[] }
  | { kind: 'or'; operands: QExpression[] }
  /** `attr` (exists) or, as an extension, `!attr` (does not exist). */
  | { kind: 'exists'; path: AttributePath; negated: boolean }
  | { kind: 'comparison'; path: AttributePath; operator: QComparisonOperator; value: QValue }
  /**
   * `~=` / `!~=`. `pattern` is the regular expression without a leading `(?i)`, which sets
   * `caseInsensitive` instead (so evaluators need not parse embedded options).
   */
  | {
      kind: 'pattern';
      path: AttributePath;
      negated: boolean;
      pattern: string;
      caseInsensitive: boolean;
    };
