import type { ExampleObject } from './openapi-types.js';

/** Sample payloads shown in the document: one car park of a LegoCity in three representations. */

export const PARKING_ID = 'urn:ngsi-ld:OffStreetParking:hanoi-001';
const USER_CONTEXT = 'https://example.org/parking-context.jsonld';
const POINT = { type: 'Point', coordinates: [105.8542, 21.0285] };

const normalized = {
  id: PARKING_ID,
  type: 'OffStreetParking',
  name: {
    type: 'LanguageProperty',
    languageMap: { en: 'Old Quarter car park', vi: 'Bãi đỗ xe Phố Cổ' },
  },
  availableSpotNumber: { type: 'Property', value: 121, observedAt: '2025-05-04T10:18:16Z' },
  totalSpotNumber: { type: 'Property', value: 200 },
  location: { type: 'GeoProperty', value: POINT },
  operator: { type: 'Relationship', object: 'urn:ngsi-ld:Organization:hanoi-parking' },
};

const concise = {
  id: PARKING_ID,
  type: 'OffStreetParking',
  name: { languageMap: { en: 'Old Quarter car park', vi: 'Bãi đỗ xe Phố Cổ' } },
  availableSpotNumber: { value: 121, observedAt: '2025-05-04T10:18:16Z' },
  totalSpotNumber: 200,
  location: POINT,
  operator: { object: 'urn:ngsi-ld:Organization:hanoi-parking' },
};

const keyValues = {
  id: PARKING_ID,
  type: 'OffStreetParking',
  name: { en: 'Old Quarter car park', vi: 'Bãi đỗ xe Phố Cổ' },
  availableSpotNumber: 121,
  totalSpotNumber: 200,
  location: POINT,
  operator: 'urn:ngsi-ld:Organization:hanoi-parking',
};

/** Entity examples by representation, for responses. */
export const ENTITY_EXAMPLES: Record<string, ExampleObject> = {
  normalized: { summary: 'Normalized (default)', value: normalized },
  concise: { summary: 'Concise (options=concise or format=concise)', value: concise },
  keyValues: { summary: 'Simplified (options=keyValues or format=keyValues)', value: keyValues },
};

/** The same entity list in each representation. */
export const ENTITY_LIST_EXAMPLES: Record<string, ExampleObject> = Object.fromEntries(
  Object.entries(ENTITY_EXAMPLES).map(([name, example]) => [
    name,
    { ...example, value: [example.value] },
  ]),
);

/** A body to create the entity, as application/json (context in Link) and as application/ld+json. */
export const CREATE_EXAMPLES: Record<string, ExampleObject> = {
  json: { summary: 'application/json (any @context goes in the Link header)', value: normalized },
  jsonLd: {
    summary: 'application/ld+json ("@context" in the body)',
    value: { ...normalized, '@context': USER_CONTEXT },
  },
  concise: { summary: 'Concise input is accepted too', value: concise },
};

/** A fragment for append, update and merge. */
export const FRAGMENT_EXAMPLES: Record<string, ExampleObject> = {
  normalized: {
    summary: 'Attributes to write',
    value: {
      availableSpotNumber: { type: 'Property', value: 98, observedAt: '2025-05-04T10:30:00Z' },
    },
  },
  concise: {
    summary: 'Concise form',
    value: { availableSpotNumber: { value: 98, observedAt: '2025-05-04T10:30:00Z' } },
  },
};

export const MERGE_EXAMPLES: Record<string, ExampleObject> = {
  merge: {
    summary: 'Change one value, delete another attribute',
    value: { availableSpotNumber: { value: 97 }, operator: 'urn:ngsi-ld:null' },
  },
};

export const ATTRIBUTE_EXAMPLES: Record<string, ExampleObject> = {
  property: {
    summary: 'A Property',
    value: { type: 'Property', value: 97, observedAt: '2025-05-04T10:45:00Z' },
  },
  concise: { summary: 'Concise', value: { value: 97 } },
};

const feature = {
  id: PARKING_ID,
  type: 'Feature',
  geometry: POINT,
  properties: {
    type: 'OffStreetParking',
    availableSpotNumber: { type: 'Property', value: 121 },
    location: { type: 'GeoProperty', value: POINT },
  },
};

export const FEATURE_EXAMPLE: Record<string, ExampleObject> = {
  feature: {
    summary: 'The entity as a GeoJSON Feature (Accept: application/geo+json)',
    value: feature,
  },
};

export const FEATURE_COLLECTION_EXAMPLE: Record<string, ExampleObject> = {
  featureCollection: {
    summary: 'Entities as GeoJSON (Accept: application/geo+json)',
    value: { type: 'FeatureCollection', features: [feature] },
  },
};

export const BATCH_ENTITIES_EXAMPLE: Record<string, ExampleObject> = {
  entities: {
    summary: 'Two car parks',
    value: [
      normalized,
      {
        id: 'urn:ngsi-ld:OffStreetParking:hanoi-002',
        type: 'OffStreetParking',
        totalSpotNumber: { type: 'Property', value: 80 },
      },
    ],
  },
};

export const BATCH_FRAGMENTS_EXAMPLE: Record<string, ExampleObject> = {
  fragments: {
    summary: 'Each item names the entity it changes',
    value: [{ id: PARKING_ID, availableSpotNumber: { type: 'Property', value: 95 } }],
  },
};

export const BATCH_RESULT_EXAMPLE: Record<string, ExampleObject> = {
  partial: {
    summary: 'One entity created, one refused',
    value: {
      success: [PARKING_ID],
      errors: [
        {
          entityId: 'urn:ngsi-ld:OffStreetParking:hanoi-002',
          error: {
            type: 'https://uri.etsi.org/ngsi-ld/errors/AlreadyExists',
            title: 'The referred element already exists',
            status: 409,
            detail: 'Entity urn:ngsi-ld:OffStreetParking:hanoi-002 already exists',
            field: 'id',
          },
        },
      ],
    },
  },
};

export const UPDATE_RESULT_EXAMPLE: Record<string, ExampleObject> = {
  partial: {
    summary: 'One attribute kept (noOverwrite)',
    value: {
      updated: ['totalSpotNumber'],
      notUpdated: [
        {
          attributeName: 'availableSpotNumber',
          reason: 'attribute exists and overwriting was not allowed',
        },
      ],
    },
  },
};

export const SUBSCRIPTION_ID = 'urn:ngsi-ld:Subscription:parking-filling-up';

const subscription = {
  id: SUBSCRIPTION_ID,
  type: 'Subscription',
  subscriptionName: 'Car parks filling up',
  entities: [{ type: 'OffStreetParking' }],
  watchedAttributes: ['availableSpotNumber'],
  q: 'availableSpotNumber<20',
  notification: {
    attributes: ['availableSpotNumber'],
    format: 'keyValues',
    endpoint: { uri: 'http://dashboard.example:8080/notify', accept: 'application/json' },
  },
};

/** A body to create the subscription: HTTP and MQTT endpoints, and with "@context" in the body. */
export const SUBSCRIPTION_EXAMPLES: Record<string, ExampleObject> = {
  http: {
    summary: 'Notify an HTTP endpoint (any @context in the Link header)',
    value: subscription,
  },
  mqtt: {
    summary: 'Publish to an MQTT topic with QoS 2',
    value: {
      ...subscription,
      id: 'urn:ngsi-ld:Subscription:parking-mqtt',
      notification: {
        ...subscription.notification,
        endpoint: {
          uri: 'mqtt://mqtt.example:1883/city/parking',
          notifierInfo: [{ key: 'MQTT-QoS', value: '2' }],
        },
      },
    },
  },
  jsonLd: {
    summary: 'application/ld+json ("@context" in the body)',
    value: { ...subscription, '@context': USER_CONTEXT },
  },
};

/** The subscription as Retrieve Subscription returns it (options=sysAttrs). */
export const SUBSCRIPTION_RESPONSE_EXAMPLE = {
  ...subscription,
  isActive: true,
  status: 'active',
  notification: {
    ...subscription.notification,
    status: 'ok',
    timesSent: 3,
    timesFailed: 0,
    lastNotification: '2025-05-04T10:18:17Z',
    lastSuccess: '2025-05-04T10:18:17Z',
  },
  createdAt: '2025-05-04T09:00:00Z',
  modifiedAt: '2025-05-04T09:00:00Z',
};

export const SUBSCRIPTION_FRAGMENT_EXAMPLES: Record<string, ExampleObject> = {
  pause: { summary: 'Pause the subscription', value: { isActive: false } },
  endpoint: {
    summary: 'Send notifications elsewhere, as JSON-LD',
    value: {
      notification: {
        endpoint: { uri: 'https://ops.example/notify', accept: 'application/ld+json' },
      },
    },
  },
};

/** A Notification the subscription above sends (keyValues, one attribute). */
export const NOTIFICATION_EXAMPLE = {
  id: 'urn:ngsi-ld:Notification:0b6e2f4c-5d1a-4c8e-9f3b-7a2d1e6c9b40',
  type: 'Notification',
  subscriptionId: SUBSCRIPTION_ID,
  notifiedAt: '2025-05-04T10:18:17Z',
  data: [{ id: PARKING_ID, type: 'OffStreetParking', availableSpotNumber: 18 }],
};
