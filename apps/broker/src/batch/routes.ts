import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  NgsiLdError,
  isUri,
  parseEntity,
  parseEntityBody,
  type ActiveContext,
  type EntityFragment,
  type Parsed,
} from '@legocity/ngsi-ld';
import type { BrokerContext } from '../broker-context.js';
import { JSON } from '../http/media-types.js';
import { parseOptions } from '../http/query-params.js';
import { itemContext, requestContext } from '../http/request-context.js';
import {
  bodyOf,
  callerContext,
  tenantOf,
  type RouteDeps,
  type RouteTable,
} from '../http/route-kit.js';
import { batchCreate } from './batch-create.js';
import { batchDelete } from './batch-delete.js';
import { batchMerge } from './batch-merge.js';
import type { BatchItem, BatchOutcome } from './batch-types.js';
import { batchUpdate } from './batch-update.js';
import { batchUpsert } from './batch-upsert.js';

const BASE = '/ngsi-ld/v1/entityOperations';

type Reply = 'created-list' | 'upsert' | 'no-content';

/**
 * HTTP binding of the batch operations (ETSI GS CIM 009 v1.8.1 §6.14–§6.18, §6.31): each item is
 * parsed on its own, so one bad entity is one error in a 207 answer, not a failed request.
 */
export function registerBatchRoutes(
  app: FastifyInstance,
  routes: RouteTable,
  deps: RouteDeps,
): void {
  const { ctx } = deps;

  routes.register(app, {
    method: 'POST',
    url: `${BASE}/create`,
    query: [],
    hasBody: true,
    async handler(request, reply) {
      const items = await parseItems(deps, request, (raw, context) =>
        parseEntity(raw, { context, mode: 'create' }),
      );
      return send(
        reply,
        await batchCreate(callerContext(request, deps), tenantOf(request), items),
        'created-list',
      );
    },
  });

  routes.register(app, {
    method: 'POST',
    url: `${BASE}/upsert`,
    query: ['options'],
    hasBody: true,
    async handler(request, reply, query) {
      const options = parseOptions(query.options, ['update', 'replace']);
      if (options.has('update') && options.has('replace')) {
        throw new NgsiLdError('BadRequestData', 'options: update and replace cannot be combined', {
          field: 'options',
        });
      }
      const mode = options.has('update') ? 'update' : 'replace';
      // In update mode an item may delete attributes with NGSI-LD Null, as Update Attributes does.
      const allowNull = mode === 'update';
      const items = await parseItems(deps, request, (raw, context) =>
        parseEntity(raw, { context, mode: 'create', allowNull }),
      );
      const outcome = await batchUpsert(
        callerContext(request, deps),
        tenantOf(request),
        items,
        mode,
      );
      return send(reply, outcome, 'upsert');
    },
  });

  routes.register(app, {
    method: 'POST',
    url: `${BASE}/update`,
    query: ['options'],
    hasBody: true,
    async handler(request, reply, query) {
      const options = parseOptions(query.options, ['noOverwrite']);
      const items = await parseItems(deps, request, (raw, context) =>
        parseFragmentWithId(raw, context),
      );
      const outcome = await batchUpdate(callerContext(request, deps), tenantOf(request), items, {
        overwrite: !options.has('noOverwrite'),
      });
      return send(reply, outcome, 'no-content');
    },
  });

  routes.register(app, {
    method: 'POST',
    url: `${BASE}/merge`,
    query: [],
    hasBody: true,
    async handler(request, reply) {
      const items = await parseItems(deps, request, (raw, context) =>
        parseFragmentWithId(raw, context),
      );
      return send(
        reply,
        await batchMerge(callerContext(request, deps), tenantOf(request), items),
        'no-content',
      );
    },
  });

  routes.register(app, {
    method: 'POST',
    url: `${BASE}/delete`,
    query: [],
    hasBody: true,
    async handler(request, reply) {
      const body = checkedArray(bodyOf(request), ctx);
      const items: BatchItem<string>[] = body.map((raw, index) =>
        typeof raw === 'string' && isUri(raw)
          ? { ok: true, id: raw, value: raw }
          : {
              ok: false,
              id: String(raw),
              error: new NgsiLdError('BadRequestData', `Item ${index} is not an entity id (URI)`, {
                field: `[${index}]`,
              }),
            },
      );
      return send(
        reply,
        await batchDelete(callerContext(request, deps), tenantOf(request), items),
        'no-content',
      );
    },
  });
}

/** The body of a batch request: a non-empty array within the size limit, without nulls (§5.6.7.4). */
function checkedArray(body: unknown, ctx: BrokerContext): unknown[] {
  if (!Array.isArray(body))
    throw new NgsiLdError('BadRequestData', 'The body must be a JSON array', { field: 'body' });
  if (body.length === 0)
    throw new NgsiLdError('BadRequestData', 'The body must not be an empty array', {
      field: 'body',
    });
  const max = ctx.limits.maxBatchEntities;
  if (body.length > max) {
    throw new NgsiLdError(
      'BadRequestData',
      `The batch holds ${body.length} items; the limit is ${max} per request, split it`,
      {
        field: 'body',
      },
    );
  }
  const nullAt = body.findIndex((item) => item === null);
  if (nullAt >= 0)
    throw new NgsiLdError('BadRequestData', `Item ${nullAt} of the body is null`, {
      field: `[${nullAt}]`,
    });
  return body;
}

async function parseItems<T>(
  deps: RouteDeps,
  request: Parameters<typeof bodyOf>[0],
  parse: (raw: unknown, context: ActiveContext) => Parsed<T & { id?: string }>,
): Promise<BatchItem<T>[]> {
  const body = checkedArray(bodyOf(request), deps.ctx);
  const shared = requestContext({ headers: request.headers, body });
  const sharedContext = shared.perItem ? undefined : await deps.contexts.resolve(shared.definition);
  return Promise.all(
    body.map(async (raw, index): Promise<BatchItem<T>> => {
      const rawId = (raw as { id?: unknown } | null)?.id;
      const id = typeof rawId === 'string' ? rawId : `[${index}]`;
      try {
        const context =
          sharedContext ?? (await deps.contexts.resolve(itemContext(raw, `[${index}].@context`)));
        const parsed = parse(raw, context);
        if (!parsed.ok) {
          const problems = parsed.problems.map((p) => ({ ...p, field: `[${index}].${p.field}` }));
          return { ok: false, id, error: NgsiLdError.fromProblems('BadRequestData', problems) };
        }
        return { ok: true, id: parsed.value.id ?? id, value: parsed.value };
      } catch (error) {
        if (error instanceof NgsiLdError) return { ok: false, id, error };
        throw error;
      }
    }),
  );
}

function parseFragmentWithId(
  raw: unknown,
  context: ActiveContext,
): Parsed<EntityFragment & { id: string }> {
  const parsed = parseEntityBody(raw, { context, mode: 'fragment' });
  if (!parsed.ok) return parsed;
  if (parsed.value.id === undefined)
    return { ok: false, problems: [{ field: 'id', message: 'is required' }] };
  return { ok: true, value: parsed.value as EntityFragment & { id: string } };
}

/** 201/204 when every item succeeded, else 207 with BatchOperationResult (§5.2.16, §6.14.3.1). */
function send(reply: FastifyReply, outcome: BatchOutcome, kind: Reply): FastifyReply {
  if (outcome.errors.length > 0) {
    return reply
      .code(207)
      .type(JSON)
      .send({
        success: outcome.success,
        errors: outcome.errors.map(({ entityId, error }) => ({
          entityId,
          error: error.toProblemDetails(),
        })),
      });
  }
  if (kind === 'created-list') return reply.code(201).type(JSON).send(outcome.success);
  if (kind === 'upsert' && outcome.created.length > 0)
    return reply.code(201).type(JSON).send(outcome.created);
  return reply.code(204).send();
}
