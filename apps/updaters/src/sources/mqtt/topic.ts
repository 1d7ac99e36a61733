/** What a measure topic says about its device. */
export interface DeviceTopic {
  deviceId: string;
  /** Present in the auto-provisioning form `<prefix>/<deviceType>/<deviceId>/attrs`. */
  deviceType?: string;
}

/**
 * The subscriptions that carry measures: `<prefix>/+/attrs` and `<prefix>/+/+/attrs`.
 * @example measureTopicFilters('legocity/devices') // ['legocity/devices/+/attrs', 'legocity/devices/+/+/attrs']
 */
export function measureTopicFilters(prefix: string): string[] {
  return [`${prefix}/+/attrs`, `${prefix}/+/+/attrs`];
}

/**
 * Read the device (and, in the typed form, its device type) from a measure topic; undefined for
 * any other topic.
 * @example parseDeviceTopic('legocity/devices/ws-001/attrs', 'legocity/devices') // { deviceId: 'ws-001' }
 */
export function parseDeviceTopic(topic: string, prefix: string): DeviceTopic | undefined {
  if (!topic.startsWith(`${prefix}/`) || !topic.endsWith('/attrs')) return undefined;
  const levels = topic.slice(prefix.length + 1, -'/attrs'.length).split('/');
  if (levels.some((level) => level.length === 0)) return undefined;
  if (levels.length === 1) return { deviceId: levels[0] as string };
  if (levels.length === 2)
    return { deviceType: levels[0] as string, deviceId: levels[1] as string };
  return undefined;
}

/**
 * The topic a device publishes its measures on.
 * @example deviceTopic('legocity/devices', 'ws-001') // 'legocity/devices/ws-001/attrs'
 */
export function deviceTopic(prefix: string, deviceId: string, deviceType?: string): string {
  return deviceType === undefined
    ? `${prefix}/${deviceId}/attrs`
    : `${prefix}/${deviceType}/${deviceId}/attrs`;
}
