import type { FastifyReply } from 'fastify';
import {
  formatEntitiesAsFeatureCollection,
  formatEntity,
  formatEntityAsFeature,
  type ActiveContext,
  type Entity,
  type JsonValue,
} from '@legocity/ngsi-ld';
import type { RouteDeps } from './route-kit.js';
import { formatContextLink } from './link-header.js';
import { GEO_JSON, JSON_LD, type ResponseMediaType } from './media-types.js';
import type { Representation } from './representation.js';

export interface EntityResponse {
  context: ActiveContext;
  mediaType: ResponseMediaType;
  representation: Representation;
}

/**
 * Send one entity or a list in the negotiated media type: application/json with a Link header to
 * the @context, application/ld+json with "@context" in the body, or GeoJSON (§6.3.5, §6.3.15)
 * with "@context" in the body unless the request says `Prefer: body=json` (v1.9.1 §5.7.1.4,
 * §5.7.2.4), which moves it to the Link header.
 * @example await sendEntities(reply, deps, response, entities)
 */
export async function sendEntities(
  reply: FastifyReply,
  deps: RouteDeps,
  response: EntityResponse,
  entities: Entity | Entity[],
): Promise<FastifyReply> {
  const { context, mediaType, representation } = response;
  const includeContext =
    mediaType === JSON_LD ||
    (mediaType === GEO_JSON && !prefersJsonBody(reply.request.headers.prefer));
  const options = { ...representation.format, includeContext };
  let body: JsonValue;
  if (mediaType === GEO_JSON) {
    const geo = { ...options, geometryProperty: representation.geometryProperty };
    body = Array.isArray(entities)
      ? formatEntitiesAsFeatureCollection(entities, geo)
      : formatEntityAsFeature(entities, geo);
  } else {
    body = Array.isArray(entities)
      ? entities.map((entity) => formatEntity(entity, options))
      : formatEntity(entities, options);
  }
  return sendJsonLd(reply, deps, context, mediaType, body, includeContext);
}

/**
 * Send a JSON-LD-bearing body (entities, types, attributes) with the right Content-Type and,
 * when the body does not carry its "@context" (application/json, GeoJSON with Prefer: body=json),
 * the Link header naming it.
 * @example await sendJsonLd(reply, deps, context, 'application/json', body)
 */
export async function sendJsonLd(
  reply: FastifyReply,
  deps: RouteDeps,
  context: ActiveContext,
  mediaType: ResponseMediaType,
  body: JsonValue,
  contextInBody: boolean = mediaType === JSON_LD,
): Promise<FastifyReply> {
  if (!contextInBody) reply.header('link', formatContextLink(await deps.contexts.linkUrl(context)));
  return reply.type(mediaType).send(body);
}

/** Whether a Prefer header (RFC 7240) asks for `body=json`: the @context goes to a Link header. */
function prefersJsonBody(prefer: string | string[] | undefined): boolean {
  const values = Array.isArray(prefer) ? prefer : prefer === undefined ? [] : [prefer];
  return values
    .flatMap((value) => value.split(','))
    .some(
      (preference) =>
        preference.split(';')[0]?.trim().toLowerCase().replace(/"/g, '') === 'body=json',
    );
}
