/**
 * Builders for the conformance tests: small functions that read as the spec's nouns (entity,
 * Property, Relationship, GeoProperty) and a client bound to one tenant, so that each case reads
 * as a sentence instead of a JSON blob.
 */
import { expect } from 'vitest';
import type { TestBroker, TestResponse } from '../../apps/broker/src/testing/test-broker.js';
import { uniqueTenant } from '../../apps/broker/src/testing/test-database.js';

export const ENTITIES = '/ngsi-ld/v1/entities';
export const BATCH = '/ngsi-ld/v1/entityOperations';
export const CONTEXTS = '/ngsi-ld/v1/jsonldContexts';
export const CORE_CONTEXT = 'https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.8.jsonld';
/** Where terms no @context defines end up (the core context's @vocab). */
export const DEFAULT_VOCAB = 'https://uri.etsi.org/ngsi-ld/default-context/';
export const NGSI_LD_NULL = 'urn:ngsi-ld:null';
export const JSON_LD_REL = 'http://www.w3.org/ns/json-ld#context';

export type Body = Record<string, unknown>;
export type Query = Record<string, string>;

let sequence = 0;
/** A fresh entity id no other case uses, e.g. urn:ngsi-ld:Vehicle:m3k1x-7. */
export function urn(type = 'Vehicle'): string {
  sequence += 1;
  return `urn:ngsi-ld:${type}:${process.pid}-${Date.now().toString(36)}-${sequence}`;
}

export const property = (value: unknown, extra: Body = {}): Body => ({
  type: 'Property',
  value,
  ...extra,
});
export const relationship = (object: unknown, extra: Body = {}): Body => ({
  type: 'Relationship',
  object,
  ...extra,
});
export const geoProperty = (value: unknown, extra: Body = {}): Body => ({
  type: 'GeoProperty',
  value,
  ...extra,
});
export const languageProperty = (languageMap: Record<string, string>, extra: Body = {}): Body => ({
  type: 'LanguageProperty',
  languageMap,
  ...extra,
});

export const point = (lon: number, lat: number): Body => ({
  type: 'Point',
  coordinates: [lon, lat],
});
export const lineString = (...coordinates: [number, number][]): Body => ({
  type: 'LineString',
  coordinates,
});
/** A polygon from its outer ring; the ring is closed for you. */
export const polygon = (...ring: [number, number][]): Body => ({
  type: 'Polygon',
  coordinates: [[...ring, ring[0]]],
});
/** An axis-aligned square polygon from its south-west corner and side (degrees). */
export const square = (lon: number, lat: number, side: number): Body =>
  polygon([lon, lat], [lon + side, lat], [lon + side, lat + side], [lon, lat + side]);

/** A Vehicle in normalized form: speed 80 unless overridden. */
export function vehicle(id: string, overrides: Body = {}): Body {
  return { id, type: 'Vehicle', speed: property(80), ...overrides };
}

/** An entity of any type with the given attributes. */
export function entity(id: string, type: string | string[], attributes: Body = {}): Body {
  return { id, type, ...attributes };
}

/** A Link header naming a JSON-LD @context (§6.3.5). */
export function linkTo(url: string): Record<string, string> {
  return { link: `<${url}>; rel="${JSON_LD_REL}"; type="application/ld+json"` };
}

/** The URL of the @context named by a response's Link header. */
export function linkedContext(response: TestResponse): string | undefined {
  const link = response.headers.link;
  const value = Array.isArray(link) ? link[0] : link;
  return value === undefined ? undefined : /^<([^>]+)>/.exec(String(value))?.[1];
}

export const entityUrl = (id: string, suffix = ''): string =>
  `${ENTITIES}/${encodeURIComponent(id)}${suffix}`;
export const attrUrl = (id: string, attr: string): string =>
  entityUrl(id, `/attrs/${encodeURIComponent(attr)}`);

export interface SendOptions {
  headers?: Record<string, string>;
  query?: Query;
  /** Raw text body (sent as is). */
  payload?: string;
}

/**
 * A client bound to one tenant of a test broker: every request carries its NGSILD-Tenant header.
 * @example const api = client(t); await api.create(vehicle(urn()));
 */
export class Client {
  constructor(
    readonly broker: TestBroker,
    readonly tenant: string,
  ) {}

  send(
    method: string,
    url: string,
    body?: unknown,
    options: SendOptions = {},
  ): Promise<TestResponse> {
    return this.broker.request(method, url, {
      headers: { 'ngsild-tenant': this.tenant, ...options.headers },
      ...(body !== undefined ? { body } : {}),
      ...(options.payload !== undefined ? { payload: options.payload } : {}),
      ...(options.query ? { query: options.query } : {}),
    });
  }

  get(url: string, query?: Query, headers?: Record<string, string>): Promise<TestResponse> {
    return this.send('GET', url, undefined, {
      ...(query ? { query } : {}),
      ...(headers ? { headers } : {}),
    });
  }

  /** POST /entities (§6.4.3.1). */
  create(body: Body, headers?: Record<string, string>): Promise<TestResponse> {
    return this.send('POST', ENTITIES, body, headers ? { headers } : {});
  }

  /** Create entities and fail the test unless each answers 201. */
  async seed(...bodies: Body[]): Promise<void> {
    for (const body of bodies) {
      const response = await this.create(body);
      expect(response.status, response.text).toBe(201);
    }
  }

  /** GET /entities/{id} (§6.5.3.1). */
  retrieve(id: string, query?: Query, headers?: Record<string, string>): Promise<TestResponse> {
    return this.get(entityUrl(id), query, headers);
  }

  /** The entity in normalized form with system attributes; fails the test when it is not 200. */
  async stored(id: string, query: Query = { options: 'sysAttrs' }): Promise<Body> {
    const response = await this.retrieve(id, query);
    expect(response.status, response.text).toBe(200);
    return response.body as Body;
  }

  /** GET /entities with the given parameters (§6.4.3.2). */
  query(query: Query, headers?: Record<string, string>): Promise<TestResponse> {
    return this.get(ENTITIES, query, headers);
  }

  /** The ids a query returns, in order; fails the test when it is not 200. */
  async ids(query: Query, headers?: Record<string, string>): Promise<string[]> {
    const response = await this.query(query, headers);
    expect(response.status, response.text).toBe(200);
    return (response.body as Body[]).map((item) => item.id as string);
  }

  /** POST /entityOperations/{operation} (§6.14–§6.18, §6.31). */
  batch(operation: string, body: unknown, query?: Query): Promise<TestResponse> {
    return this.send('POST', `${BATCH}/${operation}`, body, query ? { query } : {});
  }
}

/** A client on a tenant of its own. */
export function client(broker: TestBroker, tenant: string = uniqueTenant('conf')): Client {
  return new Client(broker, tenant);
}

/**
 * Expect an RFC 7807 ProblemDetails answer (§5.5.2, §6.3.2) with this status and error type name.
 * @example expectProblem(response, 404, 'ResourceNotFound')
 */
export function expectProblem(response: TestResponse, status: number, errorType: string): Body {
  expect(response.status, response.text).toBe(status);
  expect(String(response.headers['content-type'])).toMatch(/^application\/(problem\+)?json/);
  const body = response.body as Body;
  expect(body.type).toMatch(new RegExp(`/errors/${errorType}$`));
  expect(typeof body.title).toBe('string');
  expect(body.status).toBe(status);
  expect(typeof body.detail).toBe('string');
  return body;
}
