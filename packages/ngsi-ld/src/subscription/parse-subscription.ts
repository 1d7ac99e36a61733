import type { Problem } from '../errors/ngsi-ld-error.js';
import { fail, ok, type Parsed } from '../errors/result.js';
import { isValidAttributeName } from '../query/attribute-name.js';
import { parseGeoQuery } from '../query/parse-geo-query.js';
import { parseQ } from '../query/parse-q.js';
import { parseTypeSelection } from '../query/parse-type-selection.js';
import { normalizeDateTime } from '../values/date-time.js';
import { isUri } from '../values/is-uri.js';
import {
  ENDPOINT_ACCEPTS,
  NOTIFICATION_FORMATS,
  NOTIFICATION_TRIGGERS,
  type Endpoint,
  type KeyValuePair,
  type NotificationTrigger,
  type NotificationParams,
  type SubscriptionEntitySelector,
  type SubscriptionInput,
} from './subscription-types.js';

type Json = Record<string, unknown>;

/** Members the broker sets itself (§5.2.12-2, §5.2.14): accepted in input and ignored. */
const READ_ONLY = new Set(['status', 'createdAt', 'modifiedAt', '@context']);
const NOTIFICATION_READ_ONLY = new Set([
  'status',
  'timesSent',
  'timesFailed',
  'lastNotification',
  'lastFailure',
  'lastSuccess',
]);
/** Members of §5.2.12 this broker does not implement: a clear 501 rather than silence. */
export const UNSUPPORTED_SUBSCRIPTION_MEMBERS = [
  'timeInterval',
  'scopeQ',
  'csf',
  'temporalQ',
  'datasetId',
  'expandValues',
  'jsonKeys',
  'localOnly',
  'splitEntities',
  'ngsildConformance',
] as const;
const KNOWN = new Set([
  'id',
  'type',
  'subscriptionName',
  'description',
  'entities',
  'watchedAttributes',
  'notificationTrigger',
  'q',
  'geoQ',
  'isActive',
  'expiresAt',
  'throttling',
  'lang',
  'jsonldContext',
  'notification',
]);
const NOTIFICATION_MEMBERS = new Set(['attributes', 'format', 'sysAttrs', 'endpoint']);
const ENDPOINT_MEMBERS = new Set([
  'uri',
  'accept',
  'timeout',
  'cooldown',
  'receiverInfo',
  'notifierInfo',
]);
const ENDPOINT_SCHEMES = ['http:', 'https:', 'mqtt:', 'mqtts:'];
const MQTT_QOS = new Set(['0', '1', '2']);
const MQTT_VERSIONS = new Set(['mqtt3.1.1', 'mqtt5.0']);

/**
 * Validate a Subscription (§5.2.12) as sent to Create Subscription, or the result of applying an
 * update to a stored one. Reports every problem; read-only members are ignored; members this
 * broker does not implement are reported with `unsupported` (a 501, not a 400).
 * @example const parsed = parseSubscription(body); if (!parsed.ok) throw NgsiLdError.fromProblems('BadRequestData', parsed.problems)
 */
export function parseSubscription(
  body: unknown,
  options: { now?: string } = {},
): Parsed<SubscriptionInput> & { unsupported?: string[] } {
  if (!isObject(body)) return fail({ field: 'body', message: 'must be a Subscription object' });
  const problems: Problem[] = [];
  const unsupported = Object.keys(body).filter((key) =>
    (UNSUPPORTED_SUBSCRIPTION_MEMBERS as readonly string[]).includes(key),
  );
  if (unsupported.length > 0) return { ...fail([]), unsupported };
  for (const key of Object.keys(body)) {
    if (!KNOWN.has(key) && !READ_ONLY.has(key))
      problems.push({ field: key, message: 'is not a member of Subscription (§5.2.12)' });
  }
  const input: SubscriptionInput = {
    type: 'Subscription',
    notification: { endpoint: { uri: '' } },
  };
  if (body.type !== 'Subscription')
    problems.push({ field: 'type', message: 'must be "Subscription"' });
  if (body.id !== undefined) {
    if (typeof body.id === 'string' && isUri(body.id)) input.id = body.id;
    else problems.push({ field: 'id', message: 'must be a URI' });
  }
  for (const key of ['subscriptionName', 'description', 'lang'] as const) {
    const value = body[key];
    if (value === undefined) continue;
    if (typeof value === 'string' && value.length > 0) input[key] = value;
    else problems.push({ field: key, message: 'must be a non-empty string' });
  }
  if (body.entities !== undefined) input.entities = parseSelectors(body.entities, problems);
  if (body.watchedAttributes !== undefined)
    input.watchedAttributes = parseNames(body.watchedAttributes, 'watchedAttributes', problems);
  if (input.entities === undefined && input.watchedAttributes === undefined)
    problems.push({ field: 'entities', message: 'entities or watchedAttributes is required' });
  if (body.notificationTrigger !== undefined) {
    const triggers = body.notificationTrigger;
    if (
      Array.isArray(triggers) &&
      triggers.length > 0 &&
      triggers.every((t) => (NOTIFICATION_TRIGGERS as readonly unknown[]).includes(t))
    )
      input.notificationTrigger = [...new Set(triggers as NotificationTrigger[])];
    else
      problems.push({
        field: 'notificationTrigger',
        message: `must be a non-empty array of ${NOTIFICATION_TRIGGERS.join(', ')}`,
      });
  }
  if (body.q !== undefined) {
    if (typeof body.q !== 'string')
      problems.push({ field: 'q', message: 'must be a string in the NGSI-LD query language' });
    else {
      const parsed = parseQ(body.q);
      if (parsed.ok) input.q = body.q;
      else problems.push(...parsed.problems);
    }
  }
  if (body.geoQ !== undefined) {
    const geoQ = parseGeoQ(body.geoQ, problems);
    if (geoQ) input.geoQ = geoQ;
  }
  if (body.isActive !== undefined) {
    if (typeof body.isActive === 'boolean') input.isActive = body.isActive;
    else problems.push({ field: 'isActive', message: 'must be true or false' });
  }
  if (body.expiresAt !== undefined) {
    const expiresAt =
      typeof body.expiresAt === 'string' ? normalizeDateTime(body.expiresAt) : undefined;
    if (!expiresAt)
      problems.push({
        field: 'expiresAt',
        message: 'must be a DateTime such as 2030-01-01T00:00:00Z',
      });
    else if (options.now && expiresAt <= options.now)
      problems.push({ field: 'expiresAt', message: 'must be in the future' });
    else input.expiresAt = expiresAt;
  }
  if (body.throttling !== undefined) {
    if (
      typeof body.throttling === 'number' &&
      Number.isFinite(body.throttling) &&
      body.throttling > 0
    )
      input.throttling = body.throttling;
    else
      problems.push({ field: 'throttling', message: 'must be a number of seconds greater than 0' });
  }
  if (body.jsonldContext !== undefined) {
    if (typeof body.jsonldContext === 'string' && isUri(body.jsonldContext))
      input.jsonldContext = body.jsonldContext;
    else problems.push({ field: 'jsonldContext', message: 'must be a dereferenceable URI' });
  }
  if (body.notification === undefined)
    problems.push({ field: 'notification', message: 'is required' });
  else {
    const notification = parseNotification(body.notification, problems);
    if (notification) input.notification = notification;
  }
  return problems.length > 0 ? fail(problems) : ok(input);
}

function parseSelectors(
  raw: unknown,
  problems: Problem[],
): SubscriptionEntitySelector[] | undefined {
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.push({ field: 'entities', message: 'must be a non-empty array of entity selectors' });
    return undefined;
  }
  return raw.map((item: unknown, index) => {
    const field = `entities[${index}]`;
    const selector: SubscriptionEntitySelector = { type: '' };
    if (!isObject(item)) {
      problems.push({
        field,
        message: 'must be an object with type, and optionally id or idPattern',
      });
      return selector;
    }
    for (const key of Object.keys(item)) {
      if (!['id', 'idPattern', 'type'].includes(key))
        problems.push({ field: `${field}.${key}`, message: 'is not a member of EntitySelector' });
    }
    if (typeof item.type === 'string' && parseTypeSelection(item.type, `${field}.type`).ok)
      selector.type = item.type;
    else
      problems.push({
        field: `${field}.type`,
        message: 'is required: an entity type or type selection',
      });
    if (item.id !== undefined) {
      if (typeof item.id === 'string' && isUri(item.id)) selector.id = item.id;
      else problems.push({ field: `${field}.id`, message: 'must be a URI' });
    }
    if (item.idPattern !== undefined) {
      if (typeof item.idPattern === 'string' && isRegExp(item.idPattern))
        selector.idPattern = item.idPattern;
      else
        problems.push({
          field: `${field}.idPattern`,
          message: 'must be a valid regular expression',
        });
    }
    return selector;
  });
}

function parseNames(raw: unknown, field: string, problems: Problem[]): string[] | undefined {
  if (
    Array.isArray(raw) &&
    raw.length > 0 &&
    raw.every((name) => typeof name === 'string' && isValidAttributeName(name))
  )
    return [...new Set(raw as string[])];
  problems.push({ field, message: 'must be a non-empty array of attribute names' });
  return undefined;
}

function parseGeoQ(raw: unknown, problems: Problem[]): SubscriptionInput['geoQ'] {
  if (!isObject(raw)) {
    problems.push({
      field: 'geoQ',
      message: 'must be an object with geometry, coordinates and georel',
    });
    return undefined;
  }
  for (const key of Object.keys(raw)) {
    if (!['geometry', 'coordinates', 'georel', 'geoproperty'].includes(key))
      problems.push({ field: `geoQ.${key}`, message: 'is not a member of GeoQuery' });
  }
  const coordinates =
    typeof raw.coordinates === 'string' ? raw.coordinates : JSON.stringify(raw.coordinates);
  const parsed = parseGeoQuery(
    {
      geometry: raw.geometry,
      coordinates: raw.coordinates === undefined ? undefined : coordinates,
      georel: raw.georel,
      geoproperty: raw.geoproperty,
    },
    'geoQ.',
  );
  if (!parsed.ok) {
    problems.push(...parsed.problems);
    return undefined;
  }
  const geoQ: SubscriptionInput['geoQ'] = {
    geometry: String(raw.geometry),
    coordinates: raw.coordinates,
    georel: String(raw.georel),
  };
  if (typeof raw.geoproperty === 'string') geoQ.geoproperty = raw.geoproperty;
  return geoQ;
}

function parseNotification(raw: unknown, problems: Problem[]): NotificationParams | undefined {
  if (!isObject(raw)) {
    problems.push({ field: 'notification', message: 'must be an object with an endpoint' });
    return undefined;
  }
  for (const key of Object.keys(raw)) {
    if (!NOTIFICATION_MEMBERS.has(key) && !NOTIFICATION_READ_ONLY.has(key))
      problems.push({
        field: `notification.${key}`,
        message: 'is not a supported member of NotificationParams',
      });
  }
  const notification: NotificationParams = { endpoint: { uri: '' } };
  if (raw.attributes !== undefined) {
    const names = parseNames(raw.attributes, 'notification.attributes', problems);
    if (names) notification.attributes = names;
  }
  if (raw.format !== undefined) {
    if ((NOTIFICATION_FORMATS as readonly unknown[]).includes(raw.format))
      notification.format = raw.format as NotificationParams['format'];
    else
      problems.push({
        field: 'notification.format',
        message: `must be one of ${NOTIFICATION_FORMATS.join(', ')}`,
      });
  }
  if (raw.sysAttrs !== undefined) {
    if (typeof raw.sysAttrs === 'boolean') notification.sysAttrs = raw.sysAttrs;
    else problems.push({ field: 'notification.sysAttrs', message: 'must be true or false' });
  }
  if (raw.endpoint === undefined)
    problems.push({ field: 'notification.endpoint', message: 'is required' });
  else {
    const endpoint = parseEndpoint(raw.endpoint, problems);
    if (endpoint) notification.endpoint = endpoint;
  }
  return notification;
}

function parseEndpoint(raw: unknown, problems: Problem[]): Endpoint | undefined {
  const field = 'notification.endpoint';
  if (!isObject(raw)) {
    problems.push({ field, message: 'must be an object with a uri' });
    return undefined;
  }
  for (const key of Object.keys(raw)) {
    if (!ENDPOINT_MEMBERS.has(key))
      problems.push({ field: `${field}.${key}`, message: 'is not a member of Endpoint' });
  }
  const endpoint: Endpoint = { uri: '' };
  const scheme = typeof raw.uri === 'string' ? schemeOf(raw.uri) : undefined;
  if (scheme && ENDPOINT_SCHEMES.includes(scheme)) endpoint.uri = raw.uri as string;
  else
    problems.push({
      field: `${field}.uri`,
      message: 'must be an http, https, mqtt or mqtts URL (mqtt URLs name the topic as their path)',
    });
  if (
    (scheme === 'mqtt:' || scheme === 'mqtts:') &&
    typeof raw.uri === 'string' &&
    mqttTopic(raw.uri) === ''
  )
    problems.push({
      field: `${field}.uri`,
      message: 'an mqtt URL needs a topic, e.g. mqtt://host:1883/city/alerts',
    });
  if (raw.accept !== undefined) {
    if ((ENDPOINT_ACCEPTS as readonly unknown[]).includes(raw.accept))
      endpoint.accept = raw.accept as Endpoint['accept'];
    else
      problems.push({
        field: `${field}.accept`,
        message: `must be one of ${ENDPOINT_ACCEPTS.join(', ')}`,
      });
  }
  for (const key of ['timeout', 'cooldown'] as const) {
    const value = raw[key];
    if (value === undefined) continue;
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) endpoint[key] = value;
    else
      problems.push({
        field: `${field}.${key}`,
        message: 'must be a number of milliseconds greater than 0',
      });
  }
  for (const key of ['receiverInfo', 'notifierInfo'] as const) {
    if (raw[key] === undefined) continue;
    const pairs = parsePairs(raw[key], `${field}.${key}`, problems);
    if (pairs) endpoint[key] = pairs;
  }
  for (const pair of endpoint.notifierInfo ?? []) {
    if (pair.key === 'MQTT-QoS' && !MQTT_QOS.has(pair.value))
      problems.push({ field: `${field}.notifierInfo`, message: 'MQTT-QoS must be 0, 1 or 2' });
    if (pair.key === 'MQTT-Version' && !MQTT_VERSIONS.has(pair.value))
      problems.push({
        field: `${field}.notifierInfo`,
        message: 'MQTT-Version must be mqtt3.1.1 or mqtt5.0',
      });
  }
  return endpoint;
}

function parsePairs(raw: unknown, field: string, problems: Problem[]): KeyValuePair[] | undefined {
  if (
    Array.isArray(raw) &&
    raw.every(
      (pair) =>
        isObject(pair) &&
        typeof pair.key === 'string' &&
        /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(pair.key) &&
        typeof pair.value === 'string' &&
        !/[\r\n]/.test(pair.value) &&
        Object.keys(pair).length === 2,
    )
  )
    return (raw as KeyValuePair[]).map(({ key, value }) => ({ key, value }));
  problems.push({
    field,
    message: 'must be an array of {"key": header-name, "value": string} pairs',
  });
  return undefined;
}

/**
 * The topic of an mqtt:// endpoint URL: its path without the leading slash.
 * @example mqttTopic('mqtt://broker:1883/city/alerts') // 'city/alerts'
 */
export function mqttTopic(uri: string): string {
  try {
    return decodeURIComponent(new URL(uri).pathname.replace(/^\//, ''));
  } catch {
    return '';
  }
}

function schemeOf(uri: string): string | undefined {
  try {
    const url = new URL(uri);
    return url.hostname ? url.protocol : undefined;
  } catch {
    return undefined;
  }
}

function isRegExp(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
