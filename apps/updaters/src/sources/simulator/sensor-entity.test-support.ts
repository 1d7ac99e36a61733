/**
 * What the MQTT source makes of a simulated measure, rebuilt from the provisioning file in the
 * way /tmp/brief-mqtt-format.md describes, so tests can check sensor entities against the contracts
 * without running the MQTT source.
 */
import type { EntityBody } from '@legocity/broker-client';
import type { JsonObject } from '@legocity/ngsi-ld';
import type { DeviceProvisioning } from './simulator-devices.js';

/** The full entity a device's measure and static attributes make. */
export function sensorEntity(
  provisioning: DeviceProvisioning,
  deviceId: string,
  measure: Record<string, unknown>,
): EntityBody {
  const device = provisioning.devices.find((candidate) => candidate.deviceId === deviceId);
  if (device === undefined) throw new Error(`Device ${deviceId} is not provisioned`);
  const type = provisioning.deviceTypes[device.deviceType];
  const entity: EntityBody = {
    id: device.entityId,
    type: type.entityType,
    ...type.staticAttributes,
    ...device.staticAttributes,
  };
  const observedAt = measure.observedAt as string;
  for (const [object, value] of Object.entries(measure)) {
    if (object === 'observedAt') continue;
    const mapping = type.attributes.find((candidate) => candidate.object === object);
    if (mapping === undefined) throw new Error(`Device ${deviceId} sends unknown object ${object}`);
    const attribute: JsonObject = {
      type: mapping.kind ?? 'Property',
      value: value as number | string,
      observedAt,
    };
    if (mapping.unitCode !== undefined) attribute.unitCode = mapping.unitCode;
    entity[mapping.name] = attribute;
  }
  return entity;
}
