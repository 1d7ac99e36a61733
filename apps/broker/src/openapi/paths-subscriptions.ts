import type { BrokerLimits } from '../broker-context.js';
import { contextHeaders, tenantHeader } from './entity-content.js';
import {
  NOTIFICATION_EXAMPLE,
  SUBSCRIPTION_EXAMPLES,
  SUBSCRIPTION_FRAGMENT_EXAMPLES,
  SUBSCRIPTION_RESPONSE_EXAMPLE,
} from './examples.js';
import {
  SPEC,
  content,
  headerRef,
  jsonBody,
  noContent,
  operation,
  queryParam,
  response,
  responseRef,
  schemaRef,
} from './operation-kit.js';
import type { Paths } from './openapi-types.js';

const BASE = '/ngsi-ld/v1/subscriptions';
const SUBSCRIPTION = `${BASE}/{subscriptionId}`;
const COMMON = { tag: 'Subscriptions', hasTenant: true, hasLink: true } as const;
const MEDIA = ['application/json', 'application/ld+json'];

const sysAttrs = queryParam(
  'options',
  '`sysAttrs`: add createdAt and modifiedAt to each subscription. No other option is accepted (400).',
  { type: 'string', enum: ['sysAttrs'] },
  'sysAttrs',
);

const UNSUPPORTED =
  'The members timeInterval, scopeQ, csf, temporalQ, datasetId, expandValues, jsonKeys, localOnly, splitEntities and ngsildConformance are not supported: they answer 501 NotImplemented, never ignored.';

/** How the broker delivers notifications (the kit has no `callbacks`: described here). */
const NOTIFICATIONS = `**Notifications** (${SPEC} §5.3.1, §7.2). Each change that matches (entities or watchedAttributes, notificationTrigger, q, geoQ; while the subscription is active) sends a Notification (schema \`Notification\`): \`{"id": "urn:ngsi-ld:Notification:<uuid>", "type": "Notification", "subscriptionId", "notifiedAt", "data": [entities]}\`, the entities in notification.format with notification.attributes only, compacted with the subscription @context.

- **http / https endpoint**: the broker POSTs the Notification to endpoint.uri with Content-Type endpoint.accept (default application/json), the @context in a Link header (application/json) or as "@context" in the body (application/ld+json), NGSILD-Tenant for a named tenant, and the receiverInfo pairs as headers. Any 2xx answer is a success.
- **mqtt / mqtts endpoint**: the broker publishes to the topic named by the URL path the JSON payload \`{"metadata": {…the headers above}, "body": Notification}\` (schema \`MqttNotification\`), with the QoS of notifierInfo \`MQTT-QoS\` (0, 1 or 2; default 1). With QoS 1 or 2 the MQTT broker's acknowledgement is the success.
- **Failures** (a non-2xx answer, no answer within endpoint.timeout, an unreachable endpoint): the notification is kept and retried after a growing delay (at least endpoint.cooldown). notification.status, timesSent, timesFailed, lastNotification, lastSuccess and lastFailure report how delivery goes.

Example Notification:

\`\`\`json
${JSON.stringify(NOTIFICATION_EXAMPLE, null, 2)}
\`\`\``;

/**
 * Subscriptions (ETSI GS CIM 009 v1.8.1 §6.10, §6.11; operations §5.8), as registered by
 * subscriptions/routes.ts. Subscriptions belong to a tenant; each keeps the @context it was
 * created with.
 * @example Object.assign(paths, subscriptionPaths(DEFAULT_LIMITS))
 */
export function subscriptionPaths(limits: BrokerLimits): Paths {
  return {
    [BASE]: {
      post: operation({
        ...COMMON,
        operationId: 'createSubscription',
        summary: 'Create Subscription',
        clause: '§6.10.3.1 (Create Subscription, §5.8.1)',
        description: `Creates a subscription: from then on, changes to matching entities are notified to notification.endpoint. Send application/json with any user @context in the Link header, or application/ld+json with "@context" in the body: that @context expands the names of the subscription and compacts its notifications. Every invalid member is reported at once (400 BadRequestData); read-only members (status, createdAt, notification.timesSent…) are ignored. ${UNSUPPORTED}\n\n${NOTIFICATIONS}`,
        body: jsonBody('The subscription to create.', schemaRef('Subscription'), {
          examples: SUBSCRIPTION_EXAMPLES,
        }),
        responses: {
          '201': response('Created; Location names the new subscription.', {
            headers: { Location: headerRef('SubscriptionLocation'), ...tenantHeader() },
          }),
          '409': responseRef('Conflict'),
        },
      }),
      get: operation({
        ...COMMON,
        operationId: 'querySubscriptions',
        summary: 'Query Subscriptions',
        clause: '§6.10.3.2 (Query Subscriptions, §5.8.4)',
        description:
          'Returns the subscriptions of the tenant in id order, one page of them; count=true adds the total in NGSILD-Results-Count. Members are returned as the subscriber wrote them, with the read-only status and delivery members.',
        query: [
          queryParam(
            'limit',
            `Most subscriptions to return: default ${limits.defaultQueryLimit}, maximum ${limits.maxQueryLimit} (above it: 403 TooManyResults).`,
            {
              type: 'integer',
              minimum: 0,
              maximum: limits.maxQueryLimit,
              default: limits.defaultQueryLimit,
            },
            limits.defaultQueryLimit,
          ),
          queryParam(
            'offset',
            'Subscriptions to skip before the first one returned (default 0).',
            { type: 'integer', minimum: 0, default: 0 },
            0,
          ),
          queryParam(
            'count',
            'true: the total number of subscriptions is returned in the NGSILD-Results-Count header.',
            { type: 'boolean', default: false },
            true,
          ),
          sysAttrs,
        ],
        responses: {
          '200': response('The subscriptions, one page of them.', {
            headers: {
              ...contextHeaders({ hasTenant: true }),
              'NGSILD-Results-Count': headerRef('ResultsCount'),
            },
            content: content(
              MEDIA,
              { type: 'array', items: schemaRef('Subscription') },
              { subscriptions: { value: [SUBSCRIPTION_RESPONSE_EXAMPLE] } },
            ),
          }),
          '403': responseRef('TooManyResults'),
          '404': responseRef('NotFound'),
          '406': responseRef('NotAcceptable'),
        },
      }),
    },
    [SUBSCRIPTION]: {
      get: operation({
        ...COMMON,
        operationId: 'retrieveSubscription',
        summary: 'Retrieve Subscription',
        clause: '§6.11.3.1 (Retrieve Subscription, §5.8.3)',
        description:
          'Returns one subscription with its status (active, paused or expired) and how its notifications were delivered (notification.status ok or failed, timesSent, timesFailed, lastNotification, lastSuccess, lastFailure).',
        path: ['subscriptionId'],
        query: [sysAttrs],
        responses: {
          '200': response('The subscription.', {
            headers: contextHeaders({ hasTenant: true }),
            content: content(MEDIA, schemaRef('Subscription'), {
              subscription: { value: SUBSCRIPTION_RESPONSE_EXAMPLE },
            }),
          }),
          '404': responseRef('NotFound'),
          '406': responseRef('NotAcceptable'),
        },
      }),
      patch: operation({
        ...COMMON,
        operationId: 'updateSubscription',
        summary: 'Update Subscription',
        clause: '§6.11.3.2 (Update Subscription, §5.8.2)',
        description: `Changes members of the subscription: each member given replaces the stored one; members of notification replace the stored notification's one by one. The result must still be a valid Subscription (400 otherwise); expiresAt is only checked to be in the future when the fragment sets it. A @context sent with the fragment (Link header or "@context") becomes the subscription @context. isActive=false pauses the subscription, true resumes it. ${UNSUPPORTED}`,
        path: ['subscriptionId'],
        body: jsonBody('The members to change.', schemaRef('SubscriptionFragment'), {
          examples: SUBSCRIPTION_FRAGMENT_EXAMPLES,
        }),
        responses: { '204': noContent('Updated.'), '404': responseRef('NotFound') },
      }),
      delete: operation({
        ...COMMON,
        hasLink: false,
        operationId: 'deleteSubscription',
        summary: 'Delete Subscription',
        clause: '§6.11.3.3 (Delete Subscription, §5.8.5)',
        description: 'Deletes the subscription; notifications not yet delivered are not sent.',
        path: ['subscriptionId'],
        responses: { '204': noContent('Deleted.'), '404': responseRef('NotFound') },
      }),
    },
  };
}
