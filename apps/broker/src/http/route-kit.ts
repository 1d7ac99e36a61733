import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import { NgsiLdError, isUri, type ActiveContext } from '@legocity/ngsi-ld';
import type { BrokerContext } from '../broker-context.js';
import type { ContextService } from '../contexts/context-service.js';
import { DEFAULT_TENANT, checkTenantName } from '../tenants/tenant-name.js';
import { checkQueryParams, type RawQuery } from './query-params.js';
import { requestContext } from './request-context.js';

/** What every route handler may use. */
export interface RouteDeps {
  /** For reads. Writes use callerContext(request, deps): with access control on, this one refuses them. */
  ctx: BrokerContext;
  contexts: ContextService;
  /** The context of one request's caller (its write guard); undefined when auth is off. */
  forRequest?: ((request: FastifyRequest) => BrokerContext) | undefined;
}

export interface RouteSpec {
  method: HTTPMethods;
  url: string;
  /** Query parameters the route accepts; any other is rejected. */
  query: readonly string[];
  /** Whether the route takes a request body (411 when it has neither length nor chunking). */
  hasBody?: boolean;
  /** A check before the body is read (after access control), e.g. of the Content-Type. */
  beforeBody?: (request: FastifyRequest) => void;
  /** `query` holds the checked query parameters; path parameters are in request.params. */
  handler: (
    request: FastifyRequest,
    reply: FastifyReply,
    query: Record<string, string>,
  ) => Promise<unknown>;
}

/** Routes registered so far, so that a wrong method on a known path answers 405, not 404. */
export class RouteTable {
  private readonly patterns: { regex: RegExp; methods: Set<string> }[] = [];
  private readonly specs: RouteSpec[] = [];

  /** Every route registered, in order (the OpenAPI document is checked against this list). */
  list(): readonly Pick<RouteSpec, 'method' | 'url' | 'query' | 'hasBody'>[] {
    return this.specs;
  }

  register(app: FastifyInstance, spec: RouteSpec): void {
    this.specs.push(spec);
    const regex = new RegExp(`^${spec.url.replace(/:[A-Za-z]+/g, '[^/]+')}/?$`);
    const existing = this.patterns.find((p) => p.regex.source === regex.source);
    if (existing) existing.methods.add(spec.method);
    else this.patterns.push({ regex, methods: new Set<string>([spec.method]) });
    const { beforeBody } = spec;
    app.route({
      method: spec.method,
      url: spec.url,
      ...(beforeBody && {
        onRequest: (request: FastifyRequest) => Promise.resolve().then(() => beforeBody(request)),
      }),
      handler: async (request, reply) => {
        if (spec.hasBody) requireLength(request);
        const query = checkQueryParams(request.query as RawQuery, spec.query);
        return spec.handler(request, reply, query);
      },
    });
  }

  /** Methods allowed on a path, when the path exists under another method. */
  allowedMethods(path: string): string[] | undefined {
    const match = this.patterns.find((p) => p.regex.test(path));
    return match ? [...match.methods] : undefined;
  }
}

/**
 * The tenant of a request: the NGSILD-Tenant header (§6.3.14), or the default tenant.
 * @example const tenant = tenantOf(request)
 */
export function tenantOf(request: FastifyRequest): string {
  const header = request.headers['ngsild-tenant'];
  if (header === undefined) return DEFAULT_TENANT;
  const name = Array.isArray(header) ? (header[0] ?? '') : header;
  const problem = checkTenantName(name);
  if (problem) throw NgsiLdError.fromProblems('BadRequestData', [problem]);
  return name;
}

/**
 * The BrokerContext a request writes with: it carries the caller's write permissions, checked on
 * every entity change (types and tenant) before it commits.
 * @example await createEntity(callerContext(request, deps), tenantOf(request), entity)
 */
export function callerContext(request: FastifyRequest, deps: RouteDeps): BrokerContext {
  return deps.forRequest ? deps.forRequest(request) : deps.ctx;
}

/**
 * The processed @context of a request (Link header, ld+json body, or the core).
 * @example const context = await contextOf(request, deps)
 */
export async function contextOf(request: FastifyRequest, deps: RouteDeps): Promise<ActiveContext> {
  const { definition } = requestContext({ headers: request.headers, body: request.body });
  return deps.contexts.resolve(definition);
}

/**
 * A path parameter of the request (already URL-decoded).
 * @example const attrId = pathParam(request, 'attrId')
 */
export function pathParam(request: FastifyRequest, name: string): string {
  return (request.params as Record<string, string | undefined>)[name] ?? '';
}

/**
 * The entity id from the path: it must be a URI (§5.6.x "If the Entity ID is not a valid URI").
 * @example const id = entityIdParam(request)
 */
export function entityIdParam(request: FastifyRequest): string {
  const id = pathParam(request, 'entityId');
  if (!isUri(id)) {
    throw new NgsiLdError('BadRequestData', `Entity id '${id}' is not a valid URI`, {
      field: 'entityId',
    });
  }
  return id;
}

/** The JSON body of a request, or BadRequestData when there is none. */
export function bodyOf(request: FastifyRequest): unknown {
  if (request.body === undefined || request.body === null) {
    throw new NgsiLdError('BadRequestData', 'This operation needs a JSON body', { field: 'body' });
  }
  return request.body;
}

function requireLength(request: FastifyRequest): void {
  const { headers } = request;
  if (headers['content-length'] === undefined && headers['transfer-encoding'] === undefined) {
    throw new NgsiLdError(
      'LengthRequired',
      `${request.method} needs a body with a Content-Length header`,
      {
        field: 'Content-Length',
      },
    );
  }
}
