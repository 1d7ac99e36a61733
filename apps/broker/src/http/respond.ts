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
 * the @context, application/ld+json with "@context" in the body, or GeoJSON (§6.3.5, §6.3.15).
 * @example await sendEntities(reply, deps, response, entities)
 */
export async function sendEntities(
  reply: FastifyReply,
  deps: RouteDeps,
  response: EntityResponse,
  entities: Entity | Entity[],
): Promise<FastifyReply> {
  const { context, mediaType, representation } = response;
  const includeContext = mediaType === JSON_LD;
  const options = { ...representation.format, includeContext };
  let body: JsonValue;
  if (mediaType === GEO_JSON) {
    const geo = { ...options, includeContext: false, geometryProperty: representation.geometryProperty };
    body = Array.isArray(entities)
      ? formatEntitiesAsFeatureCollection(entities, geo)
      : formatEntityAsFeature(entities, geo);
  } else {
    body = Array.isArray(entities)
      ? entities.map((entity) => formatEntity(entity, options))
      : formatEntity(entities, options);
  }
  return sendJsonLd(reply, deps, context, mediaType, body);
}

/**
 * Send a JSON-LD-bearing body (entities, types, attributes) with the right Content-Type and,
 * for application/json and GeoJSON, the Link header naming its @context.
 * @example await sendJsonLd(reply, deps, context, 'application/json', body)
 */
export async function sendJsonLd(
  reply: FastifyReply,
  deps: RouteDeps,
  context: ActiveContext,
  mediaType: ResponseMediaType,
  body: JsonValue,
): Promise<FastifyReply> {
  if (mediaType !== JSON_LD) reply.header('link', formatContextLink(await deps.contexts.linkUrl(context)));
  return reply.type(mediaType).send(body);
}
