import type { DoctorContext } from './finding.js';
import type { ComponentStatus, PlatformStatus, SourceStatus } from '../status/platform-status.js';

export const NOW = new Date('2026-12-07T10:00:00Z');
const HOUR = 3_600_000;

/** A component that is ready. */
export function component(
  name: ComponentStatus['name'],
  overrides: Partial<ComponentStatus> = {},
): ComponentStatus {
  return {
    name,
    url: `http://127.0.0.1/${name}`,
    state: 'ok',
    version: '0.1.0',
    commit: 'abc1234',
    problems: [],
    checks: {},
    ...overrides,
  };
}

/** A fresh source with an empty outbox. */
export function source(id: string, overrides: Partial<SourceStatus> = {}): SourceStatus {
  return {
    id,
    title: id,
    staleness: 'fresh',
    lastSuccessAt: new Date(NOW.getTime() - 60_000).toISOString(),
    errors: {},
    outbox: { pending: 0, oldestAgeMs: 0 },
    ...overrides,
  };
}

/** A healthy platform: everything ready, data flowing, keys fine, a fresh backup. */
export function healthyContext(
  overrides: Partial<Omit<DoctorContext, 'status'>> & { status?: Partial<PlatformStatus> } = {},
): DoctorContext {
  const { status, ...rest } = overrides;
  return {
    now: NOW,
    status: {
      at: NOW.toISOString(),
      components: [
        component('broker'),
        component('updaters'),
        component('dashboard', { checks: { database: { ok: true }, broker: { ok: true } } }),
        component('alerts'),
      ],
      sources: [source('simulator')],
      entities: { byTenant: { default: { TrafficFlowObserved: 134 } } },
      alerts: [],
      ...status,
    },
    keys: [
      {
        id: '0123456789abcdef',
        name: 'updater-weather',
        status: 'active',
        createdAt: NOW.toISOString(),
        lastUsedAt: NOW.toISOString(),
        expiresAt: null,
      },
    ],
    lastBackup: {
      finishedAt: new Date(NOW.getTime() - 2 * HOUR).toISOString(),
      archive: 'legocity-backup-x.tar.gz',
    },
    disk: { path: '/data', availableBytes: 50e9, totalBytes: 100e9 },
    memory: { availableBytes: 8e9, totalBytes: 16e9 },
    limits: {
      backupMaxAgeMs: 26 * HOUR,
      keyExpiryWarningMs: 14 * 24 * HOUR,
      outboxMaxAgeMs: 5 * 60_000,
    },
    ...rest,
  };
}
