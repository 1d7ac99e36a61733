import {
  DEFAULT_TRIGGERS,
  ENDPOINT_ACCEPTS,
  NOTIFICATION_FORMATS,
  NOTIFICATION_TRIGGERS,
  UNSUPPORTED_SUBSCRIPTION_MEMBERS,
} from '@legocity/ngsi-ld';
import { NOTIFICATION_EXAMPLE } from './examples.js';
import { SPEC, schemaRef } from './operation-kit.js';
import type { SchemaObject } from './openapi-types.js';

const URI = { type: 'string', format: 'uri' };
const DATE_TIME = { type: 'string', format: 'date-time' };
const NAMES = { type: 'array', minItems: 1, items: { type: 'string' } };
const MILLISECONDS = { type: 'number', exclusiveMinimum: 0 };
const UNSUPPORTED = UNSUPPORTED_SUBSCRIPTION_MEMBERS.join(', ');

/** The members of NotificationParams a subscriber sets (§5.2.14). */
const NOTIFICATION_MEMBERS = {
  attributes: {
    ...NAMES,
    description:
      'Only these attributes are sent with each entity (all of them when absent). Short names are expanded with the subscription @context.',
  },
  format: {
    type: 'string',
    enum: [...NOTIFICATION_FORMATS],
    default: 'normalized',
    description: 'The representation of the entities in `data` (§4.5).',
  },
  sysAttrs: {
    type: 'boolean',
    default: false,
    description: 'true: the entities carry createdAt and modifiedAt.',
  },
  endpoint: schemaRef('Endpoint'),
};

/** The members of NotificationParams the broker maintains (§5.2.14); ignored in requests. */
const NOTIFICATION_STATUS = {
  status: {
    type: 'string',
    enum: ['ok', 'failed'],
    readOnly: true,
    description: '`failed` while the last delivery attempt failed, `ok` otherwise.',
  },
  timesSent: {
    type: 'integer',
    minimum: 0,
    readOnly: true,
    description: 'Delivery attempts so far, successful or not.',
  },
  timesFailed: {
    type: 'integer',
    minimum: 0,
    readOnly: true,
    description: 'Delivery attempts that failed.',
  },
  lastNotification: {
    ...DATE_TIME,
    readOnly: true,
    description: 'The last delivery attempt. Absent before the first.',
  },
  lastSuccess: { ...DATE_TIME, readOnly: true, description: 'The last successful delivery.' },
  lastFailure: { ...DATE_TIME, readOnly: true, description: 'The last failed delivery attempt.' },
};

/** The members of a Subscription a subscriber sets (§5.2.12), but notification. */
const SUBSCRIPTION_MEMBERS = {
  '@context': {
    description:
      'The JSON-LD @context (only with Content-Type application/ld+json): a URL, an object or an array of them. It becomes the subscription @context.',
    oneOf: [{ type: 'string' }, { type: 'object' }, { type: 'array' }],
  },
  id: {
    ...URI,
    description:
      'The subscription id; the broker generates `urn:ngsi-ld:Subscription:<uuid>` when absent.',
  },
  type: { const: 'Subscription' },
  subscriptionName: { type: 'string', minLength: 1 },
  description: { type: 'string', minLength: 1 },
  entities: {
    type: 'array',
    minItems: 1,
    items: { allOf: [schemaRef('EntitySelector')], required: ['type'] },
    description:
      'Changes to entities matching any of these selectors notify; each selector needs a type (an entity type selection, §4.17).',
  },
  watchedAttributes: {
    ...NAMES,
    description: 'Only changes to these attributes notify (changes to any attribute when absent).',
  },
  notificationTrigger: {
    type: 'array',
    minItems: 1,
    uniqueItems: true,
    items: { type: 'string', enum: [...NOTIFICATION_TRIGGERS] },
    default: [...DEFAULT_TRIGGERS],
    description: 'The kinds of change that notify.',
  },
  q: {
    type: 'string',
    description: `An NGSI-LD query (${SPEC} §4.9) the changed entity must match.`,
  },
  geoQ: schemaRef('GeoQuery'),
  isActive: {
    type: 'boolean',
    default: true,
    description: 'false pauses the subscription: changes do not notify while it is paused.',
  },
  expiresAt: {
    ...DATE_TIME,
    description:
      'After this time the subscription no longer notifies (status `expired`). It must be in the future when set.',
  },
  throttling: {
    type: 'number',
    exclusiveMinimum: 0,
    description:
      'Seconds to wait at least between two notifications; entities changed meanwhile are sent together in the next one, each in its latest state.',
  },
  lang: {
    type: 'string',
    description: 'LanguageProperty values in notifications are reduced to this language (§4.15).',
  },
  jsonldContext: {
    ...URI,
    description:
      'A dereferenceable URI of a @context, kept and returned. Names in the subscription are expanded, and notifications compacted, with the @context of the request that created it (or of the last update that carried one).',
  },
};

/** The members of a Subscription the broker maintains (§5.2.12-2); ignored in requests. */
const SUBSCRIPTION_STATUS = {
  status: {
    type: 'string',
    enum: ['active', 'paused', 'expired'],
    readOnly: true,
    description: '`expired` once expiresAt has passed, else `paused` when isActive is false.',
  },
  createdAt: { ...DATE_TIME, readOnly: true, description: 'With options=sysAttrs.' },
  modifiedAt: { ...DATE_TIME, readOnly: true, description: 'With options=sysAttrs.' },
};

/**
 * Subscriptions and the notifications they send (ETSI GS CIM 009 v1.8.1 §5.2.12–§5.2.15, §5.3.1),
 * limited to the members this broker implements: the spec's other members answer 501, unknown
 * ones 400. EntitySelector and GeoQuery are those of schemas-query.ts.
 * @example Object.assign(components.schemas, subscriptionSchemas())
 */
export function subscriptionSchemas(): Record<string, SchemaObject> {
  return {
    Subscription: {
      type: 'object',
      description: `A subscription (${SPEC} §5.2.12): which entity changes notify, and where notifications go. entities or watchedAttributes is required. Read-only members are returned by the broker and ignored in requests. ${UNSUPPORTED} are not supported (501 NotImplemented); any other member answers 400.`,
      required: ['type', 'notification'],
      anyOf: [{ required: ['entities'] }, { required: ['watchedAttributes'] }],
      additionalProperties: false,
      properties: {
        ...SUBSCRIPTION_MEMBERS,
        notification: schemaRef('NotificationParams'),
        ...SUBSCRIPTION_STATUS,
      },
    },
    SubscriptionFragment: {
      type: 'object',
      description: `Members of a subscription to change (${SPEC} §5.8.2): each member given replaces the stored one, and members of notification replace the stored notification's one by one (an endpoint is replaced whole). The result must still be a valid Subscription. id, if given, must be the one in the path; type is ignored. An empty fragment answers 400.`,
      minProperties: 1,
      additionalProperties: false,
      properties: {
        ...SUBSCRIPTION_MEMBERS,
        notification: {
          type: 'object',
          additionalProperties: false,
          properties: { ...NOTIFICATION_MEMBERS, ...NOTIFICATION_STATUS },
        },
        ...SUBSCRIPTION_STATUS,
      },
    },
    NotificationParams: {
      type: 'object',
      description: `How notifications are sent (${SPEC} §5.2.14), and, read-only, how delivery went.`,
      required: ['endpoint'],
      additionalProperties: false,
      properties: { ...NOTIFICATION_MEMBERS, ...NOTIFICATION_STATUS },
    },
    Endpoint: {
      type: 'object',
      description: `Where notifications go (${SPEC} §5.2.15).`,
      required: ['uri'],
      additionalProperties: false,
      properties: {
        uri: {
          ...URI,
          description:
            'An http or https URL (notifications are POSTed to it), or an mqtt or mqtts URL whose path is the topic (e.g. `mqtt://broker:1883/city/alerts`). User and password in the URL become HTTP Basic authentication, or the MQTT credentials.',
        },
        accept: {
          type: 'string',
          enum: [...ENDPOINT_ACCEPTS],
          default: 'application/json',
          description:
            'The media type of notifications: with application/json the @context goes in a Link header (MQTT metadata), with application/ld+json in the body; with application/geo+json each entity is a GeoJSON Feature.',
        },
        timeout: {
          ...MILLISECONDS,
          description:
            'Milliseconds before a delivery without an answer (or MQTT acknowledgement) counts as failed; the broker default when absent.',
        },
        cooldown: {
          ...MILLISECONDS,
          description:
            'Milliseconds to wait at least after a failed delivery before the next attempt.',
        },
        receiverInfo: {
          type: 'array',
          items: schemaRef('KeyValuePair'),
          description: 'Headers added to every notification (HTTP headers, or MQTT metadata).',
        },
        notifierInfo: {
          type: 'array',
          items: schemaRef('KeyValuePair'),
          description:
            'Settings of the MQTT notifier: `MQTT-QoS` (0, 1 or 2; default 1) and `MQTT-Version` (mqtt3.1.1, the default, or mqtt5.0).',
        },
      },
    },
    KeyValuePair: {
      type: 'object',
      description: `A key and its value (${SPEC} §5.2.22); the key is an HTTP header name, the value has no line break.`,
      required: ['key', 'value'],
      additionalProperties: false,
      properties: {
        key: { type: 'string', pattern: "^[A-Za-z0-9!#$%&'*+.^_`|~-]+$" },
        value: { type: 'string', pattern: '^[^\\r\\n]*$' },
      },
    },
    Notification: {
      type: 'object',
      description: `What the broker sends to a subscription's endpoint (${SPEC} §5.3.1): the entities whose change matched, in the subscription's format and compacted with its @context.`,
      required: ['id', 'type', 'subscriptionId', 'notifiedAt', 'data'],
      properties: {
        '@context': { description: 'Only when endpoint.accept is application/ld+json.' },
        id: { ...URI, description: 'A new `urn:ngsi-ld:Notification:<uuid>` for each one.' },
        type: { const: 'Notification' },
        subscriptionId: URI,
        notifiedAt: DATE_TIME,
        data: {
          type: 'array',
          minItems: 1,
          description:
            'The entities (GeoJSON Features with endpoint.accept application/geo+json). A deleted entity (entityDeleted) is its id, type and deletedAt.',
          items: {
            oneOf: [
              schemaRef('Entity'),
              schemaRef('Feature'),
              {
                type: 'object',
                required: ['id', 'type', 'deletedAt'],
                properties: {
                  id: URI,
                  type: {
                    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
                  },
                  deletedAt: DATE_TIME,
                },
              },
            ],
          },
        },
      },
      examples: [NOTIFICATION_EXAMPLE],
    },
    MqttNotification: {
      type: 'object',
      description:
        'The payload published to an mqtt(s) endpoint (§7.2 MQTT binding): the headers an HTTP notification would carry, and the Notification.',
      required: ['metadata', 'body'],
      properties: {
        metadata: {
          type: 'object',
          additionalProperties: { type: 'string' },
          description: 'content-type, link (application/json), ngsild-tenant and the receiverInfo.',
        },
        body: schemaRef('Notification'),
      },
    },
  };
}
