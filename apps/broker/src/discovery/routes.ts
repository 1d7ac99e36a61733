import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ActiveContext, JsonObject, JsonValue } from '@legocity/ngsi-ld';
import { JSON, JSON_LD, negotiate } from '../http/media-types.js';
import { parseBoolean } from '../http/query-params.js';
import { sendJsonLd } from '../http/respond.js';
import {
  contextOf,
  pathParam,
  tenantOf,
  type RouteDeps,
  type RouteTable,
} from '../http/route-kit.js';
import { listAttributes, listTypes, retrieveAttribute, retrieveType } from './retrieve-types.js';

/**
 * HTTP binding of context information discovery (ETSI GS CIM 009 v1.8.1 §6.25–§6.28):
 * /types and /attributes, as lists, with details=true, and by name.
 */
export function registerDiscoveryRoutes(
  app: FastifyInstance,
  routes: RouteTable,
  deps: RouteDeps,
): void {
  const { ctx } = deps;

  routes.register(app, {
    method: 'GET',
    url: '/ngsi-ld/v1/types',
    query: ['details'],
    async handler(request, reply, query) {
      const mediaType = negotiate(request.headers.accept, [JSON, JSON_LD]);
      const context = await contextOf(request, deps);
      const types = await listTypes(ctx, tenantOf(request));
      const body: JsonValue = parseBoolean(query.details, 'details')
        ? types.map((t) =>
            withContext(
              {
                id: t.type,
                type: 'EntityType',
                typeName: context.compactIri(t.type),
                attributeNames: t.attributes.map((a) => context.compactIri(a)),
              },
              context,
              mediaType,
            ),
          )
        : withContext(
            {
              id: `urn:ngsi-ld:EntityTypeList:${randomUUID()}`,
              type: 'EntityTypeList',
              typeList: types.map((t) => context.compactIri(t.type)),
            },
            context,
            mediaType,
          );
      return sendJsonLd(reply, deps, context, mediaType, body);
    },
  });

  routes.register(app, {
    method: 'GET',
    url: '/ngsi-ld/v1/types/:type',
    query: [],
    async handler(request, reply) {
      const mediaType = negotiate(request.headers.accept, [JSON, JSON_LD]);
      const context = await contextOf(request, deps);
      const name = pathParam(request, 'type');
      const { type, attributes } = await retrieveType(
        ctx,
        tenantOf(request),
        context.expandTerm(name),
        name,
      );
      const body = withContext(
        {
          id: type.type,
          type: 'EntityTypeInfo',
          typeName: context.compactIri(type.type),
          entityCount: type.entityCount,
          attributeDetails: attributes.map((a) => ({
            id: a.name,
            type: 'Attribute',
            attributeName: context.compactIri(a.name),
            attributeTypes: a.attributeTypes,
          })),
        },
        context,
        mediaType,
      );
      return sendJsonLd(reply, deps, context, mediaType, body);
    },
  });

  routes.register(app, {
    method: 'GET',
    url: '/ngsi-ld/v1/attributes',
    query: ['details'],
    async handler(request, reply, query) {
      const mediaType = negotiate(request.headers.accept, [JSON, JSON_LD]);
      const context = await contextOf(request, deps);
      const attributes = await listAttributes(ctx, tenantOf(request));
      const body: JsonValue = parseBoolean(query.details, 'details')
        ? attributes.map((a) =>
            withContext(
              {
                id: a.name,
                type: 'Attribute',
                attributeName: context.compactIri(a.name),
                typeNames: a.typeNames.map((t) => context.compactIri(t)),
              },
              context,
              mediaType,
            ),
          )
        : withContext(
            {
              id: `urn:ngsi-ld:AttributeList:${randomUUID()}`,
              type: 'AttributeList',
              attributeList: attributes.map((a) => context.compactIri(a.name)),
            },
            context,
            mediaType,
          );
      return sendJsonLd(reply, deps, context, mediaType, body);
    },
  });

  routes.register(app, {
    method: 'GET',
    url: '/ngsi-ld/v1/attributes/:attrId',
    query: [],
    async handler(request, reply) {
      const mediaType = negotiate(request.headers.accept, [JSON, JSON_LD]);
      const context = await contextOf(request, deps);
      const name = pathParam(request, 'attrId');
      const attribute = await retrieveAttribute(
        ctx,
        tenantOf(request),
        context.expandTerm(name),
        name,
      );
      const body = withContext(
        {
          id: attribute.name,
          type: 'Attribute',
          attributeName: context.compactIri(attribute.name),
          attributeCount: attribute.instanceCount,
          attributeTypes: attribute.attributeTypes,
          typeNames: attribute.typeNames.map((t) => context.compactIri(t)),
        },
        context,
        mediaType,
      );
      return sendJsonLd(reply, deps, context, mediaType, body);
    },
  });
}

function withContext(body: JsonObject, context: ActiveContext, mediaType: string): JsonObject {
  return mediaType === JSON_LD ? { '@context': context.definition, ...body } : body;
}
