import { backupMissing, backupTooOld } from './backup-age.js';
import { alertsDown, brokerDown, dashboardDown, updatersDown } from './component-down.js';
import { entityCountDropped } from './entity-count-dropped.js';
import { entityCountGrowing } from './entity-count-growing.js';
import { entityTypeEmptied } from './entity-type-emptied.js';
import { diskSpaceLow, memoryLow } from './host-pressure.js';
import { brokerErrors, dashboardErrors } from './http-errors.js';
import { notificationsFailing } from './notifications-failing.js';
import type { AlertRule } from './rule.js';
import { updateOutboxStuck } from './update-outbox-stuck.js';
import { updateSourceFailing } from './update-source-failing.js';
import { updateSourceKeyRefused } from './update-source-key-refused.js';
import { updateSourceStale } from './update-source-stale.js';

/**
 * Every LegoCity alert, in the order of the rules file and the runbook. The single source of
 * deploy/prometheus/legocity-rules.yml (`npm run docs:alerts`) and of the alerts service.
 */
export const ALERT_RULES: readonly AlertRule[] = [
  brokerDown,
  brokerErrors,
  updatersDown,
  updateSourceFailing,
  updateSourceStale,
  updateOutboxStuck,
  updateSourceKeyRefused,
  entityCountDropped,
  entityTypeEmptied,
  entityCountGrowing,
  dashboardDown,
  dashboardErrors,
  notificationsFailing,
  backupTooOld,
  backupMissing,
  diskSpaceLow,
  memoryLow,
  alertsDown,
];

export { HEARTBEAT } from './heartbeat.js';
export { JOBS, RUNBOOK_FILE, runbookUrl } from './rule.js';
export type { AlertRule, Component, Severity, Thresholds } from './rule.js';
