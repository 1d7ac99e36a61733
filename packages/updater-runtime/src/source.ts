/**
 * The contract between an update server's sources and the runtime that runs them. A source says
 * what it writes and how to get it (fetch → transform, or a stream); the runtime schedules it,
 * retries, validates against the data contract, queues in a durable outbox, upserts with the
 * source's write key, and reports freshness. Writing a new source means writing one of these.
 */
import type { EntityBody } from '@legocity/broker-client';
import type { Logger } from '@legocity/observability';

/** When a polled source runs. Cron expressions are evaluated in UTC (croner syntax). */
export type Schedule = { every: number } | { cron: string };

/** NGSI-LD attribute kinds (ETSI GS CIM 009 §4.5). */
export type AttributeKind =
  | 'Property'
  | 'GeoProperty'
  | 'Relationship'
  | 'LanguageProperty'
  | 'VocabProperty'
  | 'JsonProperty'
  | 'ListProperty';

/** The JSON type of a Property's value; GeoProperty values are always GeoJSON geometries. */
export type ValueType = 'number' | 'integer' | 'string' | 'boolean' | 'object' | 'array';

/** One attribute of an entity type in a data contract. */
export interface AttributeContract {
  /** Compacted name as written to the broker, e.g. "temperature". */
  name: string;
  kind: AttributeKind;
  /** Properties only. */
  valueType?: ValueType;
  /** UN/CEFACT common code the value must carry, e.g. "CEL" (°C), "KMH", "P1" (%). */
  unitCode?: string;
  /** GeoProperty only: allowed GeoJSON geometry types, e.g. ["Point"]. */
  geometry?: string[];
  /** Numbers only: inclusive bounds. */
  minimum?: number;
  maximum?: number;
  /** Every entity of the type must carry it. Default false. */
  required?: boolean;
  description?: string;
}

/**
 * The data contract of one entity type: what update servers validate against and what operators
 * read. Versioned: a change removes or retypes an attribute only through add-new / dual / remove-old.
 */
export interface EntityContract {
  type: string;
  /** Semantic version of the contract, e.g. "1.0.0". */
  version: string;
  /** Regular expression (source text, anchored by the runtime) every entity id must match. */
  idPattern: string;
  attributes: AttributeContract[];
  /** Attributes not listed are refused unless this is true. Default false. */
  allowOtherAttributes?: boolean;
  description?: string;
}

/** A response read by the runtime's HTTP helper. */
export interface HttpResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  /** Seconds the source says the data stays valid (Cache-Control max-age, or set by the source). */
  ttlSeconds?: number;
}

/** Options of one HTTP GET made through the runtime. */
export interface HttpGetOptions {
  headers?: Record<string, string>;
  /** Per attempt; default the runtime's fetch timeout. */
  timeoutMs?: number;
  /** How to read the body; default 'json'. */
  as?: 'json' | 'text';
}

/**
 * What a polled source's fetch is given. `get` applies the runtime's timeout, retries 5xx /
 * network / timeout with capped exponential backoff and full jitter, honours 429 + Retry-After,
 * and throws RetryableError or PermanentError (see errors.ts) when it gives up.
 */
export interface FetchContext {
  sourceId: string;
  signal: AbortSignal;
  log: Logger;
  now(): Date;
  get<T = unknown>(url: string, options?: HttpGetOptions): Promise<HttpResponse<T>>;
  /**
   * The data fetched stays valid this long (e.g. GBFS `ttl`): the runtime does not run the source
   * again sooner, whatever its schedule says.
   */
  setTtl(seconds: number): void;
}

/** What transform is given. */
export interface TransformContext {
  sourceId: string;
  log: Logger;
  now(): Date;
}

/** Fields every source declares. */
export interface SourceBase {
  /** Stable id, lower-case letters, digits and dashes, e.g. "weather"; names metrics and files. */
  id: string;
  /** One line for operators. */
  title: string;
  /** Entity types the source writes; its write key is scoped to exactly these. */
  entityTypes: string[];
  /** Data contracts of those types; every entity is validated before it is queued. */
  contracts: EntityContract[];
  /** How often fresh data is expected (ms). */
  periodMs: number;
  /** How much later than `periodMs` data may arrive before the source counts as down (ms). */
  graceMs: number;
}

/** A source the runtime runs on a schedule: fetch, then transform into entities with stable ids. */
export interface PolledSource<Raw = unknown> extends SourceBase {
  kind: 'polled';
  schedule: Schedule;
  fetch(context: FetchContext): Promise<Raw>;
  /**
   * Pure: the same input gives the same entities. Throw PermanentError for input that can never
   * be transformed; return entities with attributes in normalized NGSI-LD form.
   */
  transform(raw: Raw, context: TransformContext): EntityBody[] | Promise<EntityBody[]>;
}

/** What a stream source is given when it starts. */
export interface StreamContext {
  sourceId: string;
  signal: AbortSignal;
  log: Logger;
  now(): Date;
  /**
   * Validates the entities, drops what would change nothing (replays, observations not newer than
   * the last one written), and stores the rest in the durable outbox. Resolves once they are
   * stored (they survive a kill of the process from then on): acknowledge the input only then.
   * Rejects with PermanentError (naming the entity, field and rule) for entities that break the
   * contract; valid entities of the same call are still stored.
   */
  write(entities: EntityBody[]): Promise<WriteOutcome>;
  /** Count an input the source itself refused (e.g. an unknown device), by kind. */
  reportError(error: Error): void;
}

/** What became of entities handed to the runtime. */
export interface WriteOutcome {
  queued: number;
  unchanged: number;
  rejected: number;
}

/** A source that pushes data as it arrives (e.g. MQTT sensors). */
export interface StreamSource extends SourceBase {
  kind: 'stream';
  start(context: StreamContext): Promise<void>;
  /** Stop taking input; what was already acknowledged is in the outbox. */
  stop(): Promise<void>;
  /** Readiness of the source's own connection (e.g. the MQTT session), for /health/ready. */
  ready?(): { ok: boolean; detail?: string };
}

export type Source = PolledSource | StreamSource;

/** Fresh: data within its period. Late: within period + grace. Down: older than that. */
export type Staleness = 'fresh' | 'late' | 'down';
