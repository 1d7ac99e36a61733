/**
 * Subscriptions in the spec's words (ETSI GS CIM 009 v1.8.1 §5.2.12–§5.2.15). Names (entity
 * types, attributes) are kept as the subscriber wrote them; the broker expands them with the
 * subscription's own @context.
 */

export const NOTIFICATION_TRIGGERS = [
  'entityCreated',
  'entityUpdated',
  'entityDeleted',
  'attributeCreated',
  'attributeUpdated',
  'attributeDeleted',
] as const;
export type NotificationTrigger = (typeof NOTIFICATION_TRIGGERS)[number];

/** §5.2.12: without notificationTrigger, attribute creation and update notify. */
export const DEFAULT_TRIGGERS: readonly NotificationTrigger[] = [
  'attributeCreated',
  'attributeUpdated',
];

export const NOTIFICATION_FORMATS = ['normalized', 'keyValues', 'concise'] as const;
export type NotificationFormat = (typeof NOTIFICATION_FORMATS)[number];

export const ENDPOINT_ACCEPTS = [
  'application/json',
  'application/ld+json',
  'application/geo+json',
] as const;
export type EndpointAccept = (typeof ENDPOINT_ACCEPTS)[number];

export interface KeyValuePair {
  key: string;
  value: string;
}

/** §5.2.15 Endpoint. */
export interface Endpoint {
  uri: string;
  accept?: EndpointAccept;
  /** Milliseconds before a delivery counts as failed. */
  timeout?: number;
  /** Milliseconds to wait after a failure before the next attempt. */
  cooldown?: number;
  receiverInfo?: KeyValuePair[];
  notifierInfo?: KeyValuePair[];
}

/** §5.2.14 NotificationParams (the members a subscriber provides). */
export interface NotificationParams {
  attributes?: string[];
  format?: NotificationFormat;
  sysAttrs?: boolean;
  endpoint: Endpoint;
}

/** §5.2.33 EntitySelector. */
export interface SubscriptionEntitySelector {
  id?: string;
  idPattern?: string;
  type: string;
}

/** §5.2.13 GeoQuery (coordinates as given: a JSON array or its text). */
export interface SubscriptionGeoQuery {
  geometry: string;
  coordinates: unknown;
  georel: string;
  geoproperty?: string;
}

/** A Subscription as a subscriber defines it (read-only members excluded). */
export interface SubscriptionInput {
  id?: string;
  type: 'Subscription';
  subscriptionName?: string;
  description?: string;
  entities?: SubscriptionEntitySelector[];
  watchedAttributes?: string[];
  notificationTrigger?: NotificationTrigger[];
  q?: string;
  geoQ?: SubscriptionGeoQuery;
  isActive?: boolean;
  expiresAt?: string;
  throttling?: number;
  lang?: string;
  jsonldContext?: string;
  notification: NotificationParams;
}
