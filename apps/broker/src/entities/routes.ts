import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  NgsiLdError,
  isUri,
  isValidAttributeName,
  parseAttribute,
  parseEntity,
  parseEntityBody,
  matchesTypeSelection,
  parseTypeSelection,
  type ActiveContext,
  type EntityFragment,
  type Problem,
  type UpdateOutcome,
} from '@legocity/ngsi-ld';
import { negotiate, GEO_JSON, JSON, JSON_LD } from '../http/media-types.js';
import { parseNames } from '../http/names.js';
import { parseBoolean, parseOptions } from '../http/query-params.js';
import { parseRepresentation, REPRESENTATION_PARAMS } from '../http/representation.js';
import { sendEntities } from '../http/respond.js';
import {
  bodyOf,
  callerContext,
  contextOf,
  entityIdParam,
  pathParam,
  tenantOf,
  type RouteDeps,
  type RouteTable,
} from '../http/route-kit.js';
import { appendAttributes } from './append-attributes.js';
import { createEntity } from './create-entity.js';
import { deleteAttribute } from './delete-attribute.js';
import { deleteEntity } from './delete-entity.js';
import { mergeEntity } from './merge-entity.js';
import type { AttributeRef } from './attribute-instances.js';
import { partialUpdateAttribute } from './partial-update-attribute.js';
import { replaceAttribute } from './replace-attribute.js';
import { replaceEntity } from './replace-entity.js';
import { retrieveEntity } from './retrieve-entity.js';
import { updateAttributes } from './update-attributes.js';

const BASE = '/ngsi-ld/v1/entities';

/**
 * HTTP binding of the entity operations (ETSI GS CIM 009 v1.8.1 §6.4–§6.7): parse, call one
 * operation, format. Operations never see HTTP.
 */
export function registerEntityRoutes(
  app: FastifyInstance,
  routes: RouteTable,
  deps: RouteDeps,
): void {
  const { ctx } = deps;

  routes.register(app, {
    method: 'POST',
    url: BASE,
    query: [],
    hasBody: true,
    async handler(request, reply) {
      const context = await contextOf(request, deps);
      const parsed = parseEntity(bodyOf(request), { context, mode: 'create' });
      if (!parsed.ok) throw NgsiLdError.fromProblems('BadRequestData', parsed.problems);
      await createEntity(callerContext(request, deps), tenantOf(request), parsed.value);
      return reply
        .code(201)
        .header('location', `${BASE}/${encodeURIComponent(parsed.value.id)}`)
        .send();
    },
  });

  routes.register(app, {
    method: 'GET',
    url: `${BASE}/:entityId`,
    query: ['type', 'attrs', ...REPRESENTATION_PARAMS],
    async handler(request, reply, query) {
      const mediaType = negotiate(request.headers.accept, [JSON, JSON_LD, GEO_JSON]);
      const context = await contextOf(request, deps);
      const representation = parseRepresentation(query, context, mediaType);
      const attrs =
        query.attrs === undefined
          ? undefined
          : new Set(parseNames(query.attrs, 'attrs').map((n) => context.expandTerm(n)));
      const entity = await retrieveEntity(ctx, tenantOf(request), entityIdParam(request), {
        typeMatches: typeFilter(query.type, context),
        attrs,
      });
      return sendEntities(reply, deps, { context, mediaType, representation }, entity);
    },
  });

  routes.register(app, {
    method: 'DELETE',
    url: `${BASE}/:entityId`,
    query: ['type'],
    async handler(request, reply, query) {
      const context = await contextOf(request, deps);
      await deleteEntity(callerContext(request, deps), tenantOf(request), entityIdParam(request), {
        typeMatches: typeFilter(query.type, context),
      });
      return reply.code(204).send();
    },
  });

  routes.register(app, {
    method: 'PATCH',
    url: `${BASE}/:entityId`,
    query: ['type'],
    hasBody: true,
    async handler(request, reply, query) {
      const context = await contextOf(request, deps);
      const id = entityIdParam(request);
      const fragment = parseFragment(bodyOf(request), context, id);
      await mergeEntity(callerContext(request, deps), tenantOf(request), id, fragment, {
        typeMatches: typeFilter(query.type, context),
      });
      return reply.code(204).send();
    },
  });

  routes.register(app, {
    method: 'PUT',
    url: `${BASE}/:entityId`,
    query: ['type'],
    hasBody: true,
    async handler(request, reply, query) {
      const context = await contextOf(request, deps);
      const id = entityIdParam(request);
      const parsed = parseEntity(bodyOf(request), { context, mode: 'replace', id });
      if (!parsed.ok) throw NgsiLdError.fromProblems('BadRequestData', parsed.problems);
      await replaceEntity(callerContext(request, deps), tenantOf(request), parsed.value, {
        typeMatches: typeFilter(query.type, context),
      });
      return reply.code(204).send();
    },
  });

  routes.register(app, {
    method: 'POST',
    url: `${BASE}/:entityId/attrs`,
    query: ['options', 'type'],
    hasBody: true,
    async handler(request, reply, query) {
      const context = await contextOf(request, deps);
      const id = entityIdParam(request);
      const options = parseOptions(query.options, ['noOverwrite']);
      const outcome = await appendAttributes(
        callerContext(request, deps),
        tenantOf(request),
        id,
        parseFragment(bodyOf(request), context, id),
        {
          overwrite: !options.has('noOverwrite'),
          typeMatches: typeFilter(query.type, context),
        },
      );
      return sendUpdateOutcome(reply, outcome, context);
    },
  });

  routes.register(app, {
    method: 'PATCH',
    url: `${BASE}/:entityId/attrs`,
    query: ['type'],
    hasBody: true,
    async handler(request, reply, query) {
      const context = await contextOf(request, deps);
      const id = entityIdParam(request);
      const outcome = await updateAttributes(
        callerContext(request, deps),
        tenantOf(request),
        id,
        parseFragment(bodyOf(request), context, id),
        {
          typeMatches: typeFilter(query.type, context),
        },
      );
      return sendUpdateOutcome(reply, outcome, context);
    },
  });

  // Partial Attribute Update (§5.6.4; NGSI-LD Null may delete sub-attributes) and Replace
  // Attribute (§5.6.19) take the same inputs.
  const attributeWrites = [
    { method: 'PATCH', operation: partialUpdateAttribute, allowNull: true, partial: true },
    { method: 'PUT', operation: replaceAttribute, allowNull: false, partial: false },
  ] as const;
  for (const { method, operation, allowNull, partial } of attributeWrites) {
    routes.register(app, {
      method,
      url: `${BASE}/:entityId/attrs/:attrId`,
      query: ['type'],
      hasBody: true,
      async handler(request, reply, query) {
        const context = await contextOf(request, deps);
        const attribute = notScope(attributeParam(request, context));
        const instances = parseAttributeBody(bodyOf(request), attribute, context, {
          allowNull,
          partial,
        });
        await operation(
          callerContext(request, deps),
          tenantOf(request),
          entityIdParam(request),
          attribute,
          instances,
          {
            typeMatches: typeFilter(query.type, context),
          },
        );
        return reply.code(204).send();
      },
    });
  }

  routes.register(app, {
    method: 'DELETE',
    url: `${BASE}/:entityId/attrs/:attrId`,
    query: ['type', 'datasetId', 'deleteAll'],
    async handler(request, reply, query) {
      const context = await contextOf(request, deps);
      const attribute = attributeParam(request, context);
      const deleteAll = parseBoolean(query.deleteAll, 'deleteAll') ?? false;
      if (query.datasetId !== undefined && deleteAll) {
        throw new NgsiLdError('BadRequestData', 'datasetId and deleteAll=true cannot be combined', {
          field: 'datasetId',
        });
      }
      if (query.datasetId !== undefined && !isUri(query.datasetId)) {
        throw new NgsiLdError('BadRequestData', `datasetId '${query.datasetId}' is not a URI`, {
          field: 'datasetId',
        });
      }
      await deleteAttribute(
        callerContext(request, deps),
        tenantOf(request),
        entityIdParam(request),
        attribute,
        {
          ...(query.datasetId !== undefined ? { datasetId: query.datasetId } : {}),
          deleteAll,
          typeMatches: typeFilter(query.type, context),
        },
      );
      return reply.code(204).send();
    },
  });
}

/** An entity fragment body; its id, if present, must be the one in the path. */
function parseFragment(body: unknown, context: ActiveContext, id: string): EntityFragment {
  const parsed = parseEntityBody(body, { context, mode: 'fragment' });
  if (!parsed.ok) throw NgsiLdError.fromProblems('BadRequestData', parsed.problems);
  if (parsed.value.id !== undefined && parsed.value.id !== id) {
    throw new NgsiLdError(
      'BadRequestData',
      `The body's id (${parsed.value.id}) differs from the entity id in the path (${id})`,
      {
        field: 'id',
      },
    );
  }
  return parsed.value;
}

function parseAttributeBody(
  body: unknown,
  attribute: AttributeRef,
  context: ActiveContext,
  options: { allowNull: boolean; partial: boolean },
) {
  const problems: Problem[] = [];
  const instances = parseAttribute(
    attribute.name,
    stripContext(body),
    context,
    options.allowNull,
    problems,
    {
      partial: options.partial,
    },
  );
  if (!instances) throw NgsiLdError.fromProblems('BadRequestData', problems);
  return instances;
}

function stripContext(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !('@context' in body))
    return body;
  const { '@context': _context, ...rest } = body as Record<string, unknown>;
  return rest;
}

function attributeParam(
  request: Parameters<typeof pathParam>[0],
  context: ActiveContext,
): AttributeRef {
  const name = pathParam(request, 'attrId');
  if (!isValidAttributeName(name)) {
    throw new NgsiLdError('BadRequestData', `Attribute name '${name}' is not valid`, {
      field: 'attrId',
    });
  }
  return { name, expanded: context.expandTerm(name) };
}

/** §5.6.4.4, §5.6.19.4: scope is an entity member, not an attribute to patch or replace. */
function notScope(attribute: AttributeRef): AttributeRef {
  if (attribute.name !== 'scope') return attribute;
  throw new NgsiLdError(
    'BadRequestData',
    "Attribute 'scope' cannot be patched or replaced: scope is an entity member; change it with PATCH /entities/{entityId}/attrs",
    { field: 'attrId' },
  );
}

/** The optional `type` selector of single-entity operations (§4.17), as a test of an entity's types. */
export function typeFilter(
  raw: string | undefined,
  context: ActiveContext,
): ((types: readonly string[]) => boolean) | undefined {
  if (raw === undefined) return undefined;
  const parsed = parseTypeSelection(raw);
  if (!parsed.ok) throw NgsiLdError.fromProblems('BadRequestData', parsed.problems);
  const selection = parsed.value;
  return (types) => matchesTypeSelection(selection, types, (name) => context.expandTerm(name));
}

/** 204 when every attribute was updated, else 207 with UpdateResult (§5.2.18, §6.5.3.1). */
function sendUpdateOutcome(reply: FastifyReply, outcome: UpdateOutcome, context: ActiveContext) {
  if (outcome.notUpdated.length === 0) return reply.code(204).send();
  return reply
    .code(207)
    .type(JSON)
    .send({
      updated: outcome.updated.map((name) => context.compactIri(name)),
      notUpdated: outcome.notUpdated.map((item) => ({
        attributeName: context.compactIri(item.attributeName),
        reason: item.reason,
      })),
    });
}
