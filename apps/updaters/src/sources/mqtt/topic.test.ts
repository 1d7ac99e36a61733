import { describe, expect, it } from 'vitest';
import { deviceTopic, measureTopicFilters, parseDeviceTopic } from './topic.js';

describe('measure topics', () => {
  const prefix = 'legocity/devices';

  it('reads the device id, and the device type in the auto-provisioning form', () => {
    expect(parseDeviceTopic('legocity/devices/ws-001/attrs', prefix)).toEqual({
      deviceId: 'ws-001',
    });
    expect(parseDeviceTopic('legocity/devices/weather-station/ws-9/attrs', prefix)).toEqual({
      deviceType: 'weather-station',
      deviceId: 'ws-9',
    });
  });

  it.each([
    'legocity/devices/attrs',
    'legocity/devices//attrs',
    'other/ws-001/attrs',
    'legocity/devices/a/b/c/attrs',
    'legocity/devices/ws-001/cmd',
  ])('ignores %s', (topic) => {
    expect(parseDeviceTopic(topic, prefix)).toBeUndefined();
  });

  it('subscribes to both forms and builds the topic a device publishes on', () => {
    expect(measureTopicFilters(prefix)).toEqual([
      'legocity/devices/+/attrs',
      'legocity/devices/+/+/attrs',
    ]);
    expect(deviceTopic(prefix, 'ws-9', 'weather-station')).toBe(
      'legocity/devices/weather-station/ws-9/attrs',
    );
  });
});
