import { randomUUID } from 'node:crypto';
import type { JsonObject, JsonValue } from '@legocity/ngsi-ld';

/** One notification to send: the body and the headers (HTTP) or metadata (MQTT) that go with it. */
export interface NotificationMessage {
  headers: Record<string, string>;
  body: JsonObject;
}

/**
 * The Notification data type (§5.3.1) for some entities of one subscription, with the headers
 * the receiver needs: Content-Type from endpoint.accept, the @context as a Link header for
 * application/json (in the body for application/ld+json), the tenant, and receiverInfo.
 * @example buildNotification({ subscriptionId, data, accept: 'application/json', contextUrl, … })
 */
export function buildNotification(parts: {
  subscriptionId: string;
  data: JsonValue[];
  accept: string;
  contextUrl: string;
  contextDefinition: JsonValue;
  tenant: string;
  receiverInfo: readonly { key: string; value: string }[];
  now: string;
}): NotificationMessage {
  const body: JsonObject = {
    id: `urn:ngsi-ld:Notification:${randomUUID()}`,
    type: 'Notification',
    subscriptionId: parts.subscriptionId,
    notifiedAt: parts.now,
    data: parts.data,
  };
  const headers: Record<string, string> = { 'content-type': parts.accept };
  if (parts.accept === 'application/ld+json') body['@context'] = parts.contextDefinition;
  else
    headers.link = `<${parts.contextUrl}>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json"`;
  if (parts.tenant !== '') headers['ngsild-tenant'] = parts.tenant;
  for (const { key, value } of parts.receiverInfo) headers[key.toLowerCase()] = value;
  return { headers, body };
}
