/**
 * A parsed temporal query (ETSI GS CIM 009 v1.8.1 §4.11 temporal query language, §5.2.21
 * TemporalQuery, §4.5.19 aggregation): which instances of each attribute to return, and how.
 */

/** The Temporal Properties a temporal query may compare (§4.8); deletedAt is not recorded. */
export const TIME_PROPERTIES = ['observedAt', 'createdAt', 'modifiedAt'] as const;
export type TimeProperty = (typeof TIME_PROPERTIES)[number];

/** Aggregation methods (§4.5.19.1), in the spec's order. */
export const AGGREGATION_METHODS = [
  'avg',
  'distinctCount',
  'max',
  'min',
  'stddev',
  'sum',
  'sumsq',
  'totalCount',
] as const;
export type AggregationMethod = (typeof AGGREGATION_METHODS)[number];

/**
 * §4.11: `before` is an exclusive bound, `after` an inclusive one, `between` includes timeAt and
 * excludes endTimeAt. Times are normalized DateTimes (UTC, milliseconds, `Z`).
 */
export type TimeRelation =
  | { relation: 'before'; timeAt: string }
  | { relation: 'after'; timeAt: string }
  | { relation: 'between'; timeAt: string; endTimeAt: string };

export interface Aggregation {
  methods: AggregationMethod[];
  /** Length of each period in seconds; 0 = one period spanning the whole time range. */
  periodSeconds: number;
}

/** The temporal representations (§4.5.6 normalized, §4.5.9 simplified, §4.5.19 aggregated). */
export type TemporalRepresentation = 'normalized' | 'temporalValues' | 'aggregatedValues';

export interface TemporalQuery {
  timerel?: TimeRelation;
  timeproperty: TimeProperty;
  /** Only the newest n instances of each attribute (within the time range). */
  lastN?: number;
  representation: TemporalRepresentation;
  /** Set exactly when representation is aggregatedValues. */
  aggregation?: Aggregation;
  /** Show createdAt and modifiedAt of every instance (normalized representation). */
  sysAttrs: boolean;
}
