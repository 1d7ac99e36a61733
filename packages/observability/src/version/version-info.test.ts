import { describe, expect, it } from 'vitest';
import { versionInfo } from './version-info.js';

describe('versionInfo', () => {
  it('reports component, version, commit, Node version, start time and whole seconds of uptime', () => {
    const startedAt = new Date('2025-01-01T00:00:00.000Z');
    const now = new Date('2025-01-01T01:00:01.900Z');
    expect(
      versionInfo({ component: 'broker', version: '1.2.0', commit: 'abc1234', startedAt, now }),
    ).toEqual({
      component: 'broker',
      version: '1.2.0',
      commit: 'abc1234',
      node: process.version,
      startedAt: '2025-01-01T00:00:00.000Z',
      uptimeSeconds: 3601,
    });
  });
});
