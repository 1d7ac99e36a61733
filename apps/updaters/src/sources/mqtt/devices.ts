/**
 * The provisioning model of the MQTT sensors source (like a FIWARE IoT Agent's device groups and
 * devices): device types map the short objects of a measure to NGSI-LD attributes; devices say
 * which entity they feed. Built only by `parseDevicesFile`, so past that point it is valid.
 */
import type { JsonObject } from '@legocity/ngsi-ld';
import type { ValueType } from '@legocity/updater-runtime';

/** Attribute kinds a measure object can become. */
export type MappedKind = 'Property' | 'GeoProperty' | 'Relationship';

/** One object of a measure → one attribute of the device's entity. */
export interface AttributeMapping {
  /** Key in the measure payload, e.g. "t". */
  object: string;
  /** Attribute name in the broker, e.g. "temperature". */
  name: string;
  kind: MappedKind;
  /** Property values only: the JSON type the value must have. */
  valueType?: ValueType;
  unitCode?: string;
}

/** A kind of device: which entity type it feeds and how its measures map to attributes. */
export interface DeviceType {
  name: string;
  entityType: string;
  entityIdPrefix: string;
  attributes: AttributeMapping[];
  /** Normalized NGSI-LD attributes every device of the type carries. */
  staticAttributes: Record<string, JsonObject>;
}

/** One provisioned device and the entity its measures update. */
export interface Device {
  deviceId: string;
  deviceType: string;
  entityId: string;
  /** Type-level static attributes overridden by the device's own. */
  staticAttributes: Record<string, JsonObject>;
  /** Added at run time by auto-provisioning rather than by the file. */
  isAutoProvisioned?: boolean;
}

/** The parsed provisioning file. */
export interface DevicesFile {
  autoProvision: boolean;
  deviceTypes: Map<string, DeviceType>;
  devices: Map<string, Device>;
}

/** Device ids and device type names appear as one topic level: no `/`, `+`, `#` or spaces. */
export const TOPIC_LEVEL = /^[A-Za-z0-9][A-Za-z0-9_.:@-]*$/;

/**
 * The device a provisioned or auto-provisioned id stands for.
 * @example deviceOf(types.get('weather-station')!, 'ws-9') // entityId urn:ngsi-ld:WeatherObserved:ws-9
 */
export function deviceOf(
  type: DeviceType,
  deviceId: string,
  own: { entityId?: string; staticAttributes?: Record<string, JsonObject> } = {},
): Device {
  return {
    deviceId,
    deviceType: type.name,
    entityId: own.entityId ?? `${type.entityIdPrefix}${deviceId}`,
    staticAttributes: { ...type.staticAttributes, ...own.staticAttributes },
  };
}

/** An empty provisioning: no device known (used when no file is configured). */
export function emptyDevicesFile(): DevicesFile {
  return { autoProvision: false, deviceTypes: new Map(), devices: new Map() };
}
