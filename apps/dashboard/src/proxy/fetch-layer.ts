import {
  createBrokerClient,
  type BrokerClient,
  type GeoJsonFeature,
  type QueryEntitiesParams,
} from '@legocity/broker-client';
import { aggregateLayer, type CellFeature } from './aggregate-layer.js';
import type { LayerConfig } from './layer-config.js';
import { intersectsBox } from './feature-geometry.js';
import { brokerQueryFor, isBboxFilteredLocally, type BBox } from './layer-query.js';
import { mapLimited } from './map-limited.js';

/** Most features answered as such; beyond, the layer is answered as a grid of counts. */
export const DEFAULT_FEATURE_CAP = 50_000;
/** Entities per broker request (the LegoCity broker's largest `limit`). */
export const BROKER_PAGE_SIZE = 1_000;
/** Broker pages fetched at the same time. */
export const PAGE_CONCURRENCY = 4;
/** Per broker request, in milliseconds. */
export const DEFAULT_BROKER_TIMEOUT_MS = 8_000;

/** How old the data is: the newest change among the features, and when the proxy fetched them. */
export interface DataAge {
  /** Newest `modifiedAt` / `observedAt` among the features; absent when none carries one. */
  newestChangeAt?: string;
  fetchedAt: string;
}

/** All matching entities of a layer, as GeoJSON Features (keyValues properties). */
export interface FeatureAnswer {
  type: 'FeatureCollection';
  aggregated: false;
  features: GeoJsonFeature[];
  /** Matching entities (after the box filter, when the proxy applied it). */
  total: number;
  dataAge: DataAge;
}

/** Too many matches to send: counts per grid cell instead. */
export interface AggregateAnswer {
  type: 'FeatureCollection';
  aggregated: true;
  /** One Polygon per non-empty cell, with `properties.count`. */
  features: CellFeature[];
  /** Matching entities according to the broker. */
  total: number;
  /** Cell edge in degrees. */
  cellSize: number;
  dataAge: DataAge;
}

export type LayerAnswer = FeatureAnswer | AggregateAnswer;

export interface FetchLayerOptions {
  /** Most features answered before aggregating (default 50 000). */
  cap?: number;
  pageSize?: number;
  timeoutMs?: number;
  /** Make the client for a layer (tests inject a fetch); default: the layer's broker and read key. */
  clientFor?: (layer: LayerConfig) => BrokerClient;
  now?: () => Date;
}

/**
 * Every entity of a layer inside an optional box, paged through the broker server-side (limit
 * 1000, count=true on the first page, the rest fetched a few pages at a time) as GeoJSON Features
 * in keyValues with system attributes, deduplicated by id. Past `cap` matches the answer is a grid
 * of counts (aggregated: true). Broker failures are thrown as BrokerError (see problemFromError).
 * @example const answer = await fetchLayer(layer, { bbox: [105.7, 20.9, 105.9, 21.1] });
 */
export async function fetchLayer(
  layer: LayerConfig,
  request: { bbox: BBox | undefined },
  options: FetchLayerOptions = {},
): Promise<LayerAnswer> {
  const cap = options.cap ?? DEFAULT_FEATURE_CAP;
  const pageSize = options.pageSize ?? BROKER_PAGE_SIZE;
  const client = (options.clientFor ?? defaultClient(options.timeoutMs))(layer);
  const fetchedAt = (options.now?.() ?? new Date()).toISOString();
  const query = {
    ...brokerQueryFor(layer, request.bbox),
    geoJson: true,
    options: ['keyValues', 'sysAttrs'],
  } satisfies QueryEntitiesParams;
  const first = await client.queryEntities({ ...query, limit: pageSize, offset: 0, count: true });
  const aggregate = async (total: number): Promise<AggregateAnswer> => {
    const grid = await aggregateLayer(client, layer, request.bbox, { total, pageSize });
    return { type: 'FeatureCollection', aggregated: true, ...grid, total, dataAge: { fetchedAt } };
  };
  if (first.count !== undefined && first.count > cap) return aggregate(first.count);
  const fetchPage = async (offset: number) =>
    (await client.queryEntities({ ...query, limit: pageSize, offset })).entities;
  const rest =
    first.entities.length < pageSize
      ? []
      : await remainingPages(fetchPage, { pageSize, count: first.count, cap });
  let features = dedupe([first.entities, ...rest].flat());
  if (features.length > cap) return aggregate(features.length);
  const { bbox } = request;
  if (bbox && isBboxFilteredLocally(layer, bbox)) {
    features = features.filter((feature) => intersectsBox(feature.geometry, bbox));
  }
  const newestChangeAt = newestChange(features);
  return {
    type: 'FeatureCollection',
    aggregated: false,
    features,
    total: features.length,
    dataAge: { ...(newestChangeAt && { newestChangeAt }), fetchedAt },
  };
}

/**
 * The pages after the first: with a count, all at once (a few at a time); without one, one after
 * another until a short page or past the cap.
 */
async function remainingPages(
  fetchPage: (offset: number) => Promise<GeoJsonFeature[]>,
  { pageSize, count, cap }: { pageSize: number; count: number | undefined; cap: number },
): Promise<GeoJsonFeature[][]> {
  if (count !== undefined) {
    const offsets: number[] = [];
    for (let offset = pageSize; offset < count; offset += pageSize) offsets.push(offset);
    return mapLimited(offsets, PAGE_CONCURRENCY, fetchPage);
  }
  const pages: GeoJsonFeature[][] = [];
  for (let offset = pageSize, fetched = pageSize; fetched <= cap; offset += pageSize) {
    const page = await fetchPage(offset);
    pages.push(page);
    fetched += page.length;
    if (page.length < pageSize) break;
  }
  return pages;
}

function defaultClient(timeoutMs = DEFAULT_BROKER_TIMEOUT_MS) {
  return (layer: LayerConfig): BrokerClient =>
    createBrokerClient({
      baseUrl: layer.broker.url,
      apiKey: layer.broker.readKey,
      ...(layer.broker.tenant && { tenant: layer.broker.tenant }),
      timeoutMs,
      retry: { attempts: 2, baseDelayMs: 100, maxDelayMs: 500 },
      userAgent: 'legocity-dashboard',
    });
}

/** Pages overlap when entities are created or deleted during paging (offset paging). */
function dedupe(features: GeoJsonFeature[]): GeoJsonFeature[] {
  const seen = new Set<string>();
  return features.filter((feature) => !seen.has(feature.id) && seen.add(feature.id));
}

/**
 * The newest `modifiedAt` or `observedAt` among features, as an ISO string.
 * @example newestChange([{ properties: { modifiedAt: '2024-05-01T10:00:00Z' } }]) // '2024-05-01T10:00:00.000Z'
 */
export function newestChange(features: readonly { properties: Record<string, unknown> }[]) {
  let newest = -Infinity;
  for (const { properties } of features) {
    for (const value of [properties.modifiedAt, properties.observedAt]) {
      const at = typeof value === 'string' ? Date.parse(value) : NaN;
      if (at > newest) newest = at;
    }
  }
  return Number.isFinite(newest) ? new Date(newest).toISOString() : undefined;
}
