import {
  ALERTS,
  ALERTS_LABELS,
  BROKER,
  BROKER_LABELS,
  type Scenario,
} from './scenario.test-support.js';

const notifications = (result: string) =>
  `legocity_broker_notifications_total{${BROKER}, result="${result}", channel="http"}`;
const LAST_BACKUP = `legocity_alerts_backup_last_success_timestamp_seconds{${ALERTS}, folder=".legocity/backups"}`;
const STARTED = `legocity_alerts_process_start_time_seconds{${ALERTS}}`;
const DISK = `legocity_alerts_disk_available_ratio{${ALERTS}, folder="/var/lib/legocity"}`;
const MEMORY = `legocity_alerts_memory_available_ratio{${ALERTS}}`;

/** Notifications, backups, disk and memory. */
export const PLATFORM_SCENARIOS: readonly Scenario[] = [
  {
    rule: 'LegoCityNotificationsFailing',
    title: 'fires when more than 20% of notifications fail for five minutes',
    series: [
      { series: notifications('failure'), values: '0+1x60' },
      { series: notifications('success'), values: '0+1x60' },
    ],
    expect: [
      { at: '6m', firing: [] },
      { at: '6m15s', firing: [BROKER_LABELS] },
    ],
  },
  {
    rule: 'LegoCityNotificationsFailing',
    title: 'does not fire for one flaky subscriber among many healthy ones',
    series: [
      { series: notifications('failure'), values: '0+1x60' },
      { series: notifications('success'), values: '0+10x60' },
    ],
    expect: [{ at: '10m', firing: [] }],
  },
  {
    rule: 'LegoCityBackupTooOld',
    title: 'fires when the newest backup is older than 26 hours',
    interval: '5m',
    series: [{ series: LAST_BACKUP, values: '0x330' }],
    expect: [
      { at: '26h5m', firing: [] },
      { at: '26h10m', firing: [ALERTS_LABELS] },
    ],
  },
  {
    rule: 'LegoCityBackupTooOld',
    title: 'resolves when a new backup succeeds',
    interval: '5m',
    series: [{ series: LAST_BACKUP, values: '0x320 96000x10' }],
    expect: [
      { at: '26h40m', firing: [ALERTS_LABELS] },
      { at: '26h45m', firing: [] },
    ],
  },
  {
    rule: 'LegoCityBackupMissing',
    title: 'fires when no backup was ever made, once the schedule has elapsed',
    interval: '5m',
    series: [{ series: STARTED, values: '0x330' }],
    expect: [
      { at: '26h5m', firing: [] },
      { at: '26h10m', firing: [ALERTS_LABELS] },
    ],
  },
  {
    rule: 'LegoCityBackupMissing',
    title: 'counts the schedule from the start of the alerts service',
    interval: '5m',
    series: [{ series: STARTED, values: '3600x340' }],
    expect: [
      { at: '27h', firing: [] },
      { at: '27h10m', firing: [ALERTS_LABELS] },
    ],
  },
  {
    rule: 'LegoCityBackupMissing',
    title: 'does not fire once a backup exists',
    interval: '5m',
    series: [
      { series: STARTED, values: '0x330' },
      { series: LAST_BACKUP, values: '80000x330' },
    ],
    expect: [{ at: '27h', firing: [] }],
  },
  {
    rule: 'LegoCityDiskSpaceLow',
    title: 'fires when less than 10% of the disk is free for ten minutes',
    series: [{ series: DISK, values: '0.5x10 0.05x50' }],
    expect: [
      { at: '12m30s', firing: [] },
      { at: '12m45s', firing: [{ ...ALERTS_LABELS, folder: '/var/lib/legocity' }] },
    ],
  },
  {
    rule: 'LegoCityDiskSpaceLow',
    title: 'does not fire for a brief dip (a backup being written)',
    series: [{ series: DISK, values: '0.5x10 0.05x20 0.5x20' }],
    expect: [
      { at: '8m', firing: [] },
      { at: '12m', firing: [] },
    ],
  },
  {
    rule: 'LegoCityMemoryLow',
    title: 'fires when less than 10% of the memory is available for ten minutes',
    series: [{ series: MEMORY, values: '0.4x10 0.03x50' }],
    expect: [
      { at: '12m30s', firing: [] },
      { at: '12m45s', firing: [ALERTS_LABELS] },
    ],
  },
];
