/**
 * Every message the MQTT source writes (STYLE.md habit 5): subject + verb + context, with the
 * device, topic or object named. Never a payload value, a password or a URL with credentials.
 */
export const messages = {
  /** "Measure on legocity/devices/ws-001/attrs is not JSON: Unexpected token…" */
  notJson: (topic: string, reason: string) => `Measure on ${topic} is not JSON: ${reason}`,
  notObject: (topic: string) =>
    `Measure on ${topic} is invalid: payload must be a JSON object or an array of objects`,
  badObservedAt: (topic: string, index: number | undefined) =>
    `Measure on ${topic}${at(index)} is invalid: observedAt must be an ISO 8601 DateTime`,
  unknownObject: (deviceId: string, object: string) =>
    `Device ${deviceId} sent unknown object '${object}': it is not mapped by its device type`,
  badValue: (deviceId: string, name: string, rule: string) =>
    `Attribute '${name}' of device ${deviceId} is invalid: value ${rule}`,
  unknownDevice: (deviceId: string, topic: string) =>
    `Device ${deviceId} is not provisioned: measure on ${topic} refused`,
  unknownDeviceType: (deviceType: string, topic: string) =>
    `Device type ${deviceType} is not declared: measure on ${topic} refused`,
  wrongDeviceType: (deviceId: string, deviceType: string, topic: string) =>
    `Device ${deviceId} is not of type ${deviceType}: measure on ${topic} refused`,
  notMeasureTopic: (topic: string) => `Topic ${topic} is not a measure topic: message ignored`,
  sessionLost: () => 'MQTT session lost: messages published while we were away may be lost',
};

function at(index: number | undefined): string {
  return index === undefined ? '' : ` (observation ${index})`;
}
