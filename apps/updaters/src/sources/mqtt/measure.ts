import type { EntityBody } from '@legocity/broker-client';
import {
  isGeometry,
  isUri,
  normalizeDateTime,
  type JsonObject,
  type JsonValue,
} from '@legocity/ngsi-ld';
import { PermanentError } from '@legocity/updater-runtime';
import type { AttributeMapping, Device, DeviceType } from './devices.js';
import { messages } from './messages.js';

/** One MQTT message of a provisioned device. */
export interface MeasureInput {
  topic: string;
  payload: Uint8Array | string;
  device: Device;
  deviceType: DeviceType;
  /** When the message arrived: the observation time of measures that carry none. */
  receivedAt: Date;
}

/** The entity fragments of a measure (one per observation, oldest first) and what was refused. */
export interface MeasureResult {
  fragments: EntityBody[];
  /** Unknown objects, invalid values, an unreadable payload: each a PermanentError naming it. */
  problems: PermanentError[];
}

const decoder = new TextDecoder('utf-8', { fatal: false });

/**
 * Turn one measure into batch-upsert fragments of the device's entity (options=update): each known
 * object → `{ type, value, unitCode?, observedAt }`. Unknown objects and invalid values are
 * reported and the rest of the measure is kept; a payload that is not JSON is refused whole.
 * Pure: the same input gives the same output.
 * @example
 * toEntityFragments({ topic, payload: '{"t":21.5}', device, deviceType, receivedAt })
 * // { fragments: [{ id, type: 'WeatherObserved', temperature: { type: 'Property', value: 21.5, unitCode: 'CEL', observedAt } }], problems: [] }
 */
export function toEntityFragments(input: MeasureInput): MeasureResult {
  const { topic } = input;
  let parsed: unknown;
  try {
    const text = typeof input.payload === 'string' ? input.payload : decoder.decode(input.payload);
    parsed = JSON.parse(text);
  } catch (error) {
    return {
      fragments: [],
      problems: [new PermanentError('parse', messages.notJson(topic, (error as Error).message))],
    };
  }
  const observations = Array.isArray(parsed) ? parsed : [parsed];
  const index = (i: number) => (Array.isArray(parsed) ? i : undefined);
  const problems: PermanentError[] = [];
  const fragments: { fragment: EntityBody; observedAt: string }[] = [];
  observations.forEach((observation: unknown, i) => {
    if (!isPlainObject(observation)) {
      problems.push(new PermanentError('parse', messages.notObject(topic)));
      return;
    }
    const observedAt = observedAtOf(observation.observedAt, input.receivedAt);
    if (observedAt === undefined) {
      problems.push(new PermanentError('parse', messages.badObservedAt(topic, index(i))));
      return;
    }
    const fragment = fragmentOf(observation, observedAt, input, problems);
    if (fragment) fragments.push({ fragment, observedAt });
  });
  // Oldest first: the runtime drops observations not newer than the last one written.
  fragments.sort((a, b) =>
    a.observedAt < b.observedAt ? -1 : a.observedAt > b.observedAt ? 1 : 0,
  );
  return { fragments: fragments.map((entry) => entry.fragment), problems };
}

function fragmentOf(
  observation: Record<string, unknown>,
  observedAt: string,
  input: MeasureInput,
  problems: PermanentError[],
): EntityBody | undefined {
  const { device, deviceType } = input;
  const attributes: JsonObject = {};
  for (const [object, value] of Object.entries(observation)) {
    if (object === 'observedAt') continue;
    const mapping = deviceType.attributes.find((candidate) => candidate.object === object);
    if (!mapping) {
      problems.push(
        new PermanentError('unknown-object', messages.unknownObject(device.deviceId, object)),
      );
      continue;
    }
    const attribute = attributeOf(mapping, value, observedAt);
    if (typeof attribute === 'string')
      problems.push(
        new PermanentError(
          'transform',
          messages.badValue(device.deviceId, mapping.name, attribute),
        ),
      );
    else attributes[mapping.name] = attribute;
  }
  if (Object.keys(attributes).length === 0) return undefined;
  return { id: device.entityId, type: deviceType.entityType, ...attributes };
}

/** The normalized attribute, or the rule the value breaks. */
function attributeOf(
  mapping: AttributeMapping,
  raw: unknown,
  observedAt: string,
): JsonObject | string {
  if (mapping.kind === 'GeoProperty')
    return isGeometry(raw)
      ? { type: 'GeoProperty', value: raw, observedAt }
      : 'must be a GeoJSON geometry';
  if (mapping.kind === 'Relationship')
    return isUri(raw)
      ? { type: 'Relationship', object: raw as string, observedAt }
      : 'must be a URI';
  const parsed = propertyValue(mapping, raw);
  if (!parsed.ok) return parsed.rule;
  return {
    type: 'Property',
    value: parsed.value,
    ...(mapping.unitCode !== undefined && { unitCode: mapping.unitCode }),
    observedAt,
  };
}

type ValueResult = { ok: true; value: JsonValue } | { ok: false; rule: string };
const ok = (value: JsonValue): ValueResult => ({ ok: true, value });
const broken = (rule: string): ValueResult => ({ ok: false, rule });

function propertyValue(mapping: AttributeMapping, raw: unknown): ValueResult {
  if (raw === null || raw === undefined) return broken('must not be null');
  switch (mapping.valueType) {
    case 'number':
    case 'integer': {
      // Many devices send numbers as text ("21.5"); accept those, refuse anything else.
      const number = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
      if (typeof number !== 'number' || !Number.isFinite(number)) return broken('must be a number');
      if (mapping.valueType === 'integer' && !Number.isInteger(number))
        return broken('must be an integer');
      return ok(number);
    }
    case 'string':
      return typeof raw === 'string' ? ok(raw) : broken('must be a string');
    case 'boolean':
      return typeof raw === 'boolean' ? ok(raw) : broken('must be true or false');
    case 'object':
      return isPlainObject(raw) ? ok(raw as JsonObject) : broken('must be a JSON object');
    case 'array':
      return Array.isArray(raw) ? ok(raw as JsonValue[]) : broken('must be a JSON array');
    default:
      return ok(raw as JsonValue);
  }
}

function observedAtOf(raw: unknown, receivedAt: Date): string | undefined {
  if (raw === undefined || raw === null) return receivedAt.toISOString();
  return typeof raw === 'string' ? normalizeDateTime(raw) : undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
