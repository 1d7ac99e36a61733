/**
 * @legocity/broker-client — a typed NGSI-LD HTTP client for any broker (ETSI GS CIM 009 §6).
 * Keep this file to re-exports only.
 */
export { createBrokerClient, type BrokerClient, type ClientVariants } from './client.js';
export type { BrokerClientOptions, RetryPolicy, RetryEvent } from './client-options.js';
export { DEFAULT_RETRY, DEFAULT_TIMEOUT_MS } from './client-options.js';
export {
  BrokerError,
  isBrokerError,
  type BrokerErrorInit,
  type BrokerErrorReason,
} from './broker-error.js';
export type { CreateEntityResult, RetrieveEntityOptions } from './entity-operations.js';
export type { GeoQuery, PageParams, QueryBody, QueryEntitiesParams } from './query-entities.js';
export { DEFAULT_PAGE_SIZE } from './paging.js';
export type { NamesOrDetails } from './discovery.js';
export type { ContextKind, UrlsOrDetails } from './contexts.js';
export type { HealthReport } from './health.js';
export type * from './types.js';
