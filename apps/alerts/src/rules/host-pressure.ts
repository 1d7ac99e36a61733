import type { Query } from '../promql/query.js';
import { filter } from '../promql/vector-ops.js';
import type { AlertRule, Thresholds } from './rule.js';

const DISK = 'legocity_alerts_disk_available_ratio';
const MEMORY = 'legocity_alerts_memory_available_ratio';

/**
 * The disk holding the data folder (and the backup folder, when it is another disk) is nearly
 * full. Measured by the alerts service with statfs; ten minutes, so a large temporary file (a
 * backup being written) does not page on its own.
 */
export const diskSpaceLow: AlertRule = {
  name: 'LegoCityDiskSpaceLow',
  severity: 'warning',
  for: '10m',
  summary: 'The disk of {{ $labels.folder }} is nearly full',
  description:
    'Only {{ $value | humanizePercentage }} of the disk holding {{ $labels.folder }} is free: ' +
    'when it is full, the databases stop accepting writes and backups fail.',
  runbook: 'disk-space-low',
  expr: (t) => `${DISK} < ${t.diskMinAvailableRatio}`,
  evaluate: (query: Query, t: Thresholds) =>
    filter(query.vector(DISK), '<', t.diskMinAvailableRatio),
};

/** The machine has little memory available (MemAvailable against the total), for ten minutes. */
export const memoryLow: AlertRule = {
  name: 'LegoCityMemoryLow',
  severity: 'warning',
  for: '10m',
  summary: 'The machine running {{ $labels.instance }} is short of memory',
  description:
    'Only {{ $value | humanizePercentage }} of the memory of the machine running the alerts ' +
    'service on {{ $labels.instance }} is available: processes may be killed by the kernel.',
  runbook: 'memory-low',
  expr: (t) => `${MEMORY} < ${t.memoryMinAvailableRatio}`,
  evaluate: (query: Query, t: Thresholds) =>
    filter(query.vector(MEMORY), '<', t.memoryMinAvailableRatio),
};
