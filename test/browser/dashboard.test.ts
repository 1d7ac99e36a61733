/**
 * The dashboard in Debian's Chromium (playwright-core, software WebGL), against `legocity up`
 * as `npm start` runs it — built code, the seeded demo city — once per storage variant
 * (embedded; PostgreSQL + PostGIS for the broker and PostgreSQL for the CMS when
 * LEGOCITY_TEST_DATABASE_URL is set). Needs /usr/bin/chromium and `npm run build -w
 * apps/dashboard`; without them the run fails saying so. Checks: test/browser/checks/.
 */
import { describe } from 'vitest';
import { accessibilityChecks } from './checks/accessibility.js';
import { adminFlowChecks } from './checks/admin-flow.js';
import { liveUpdateChecks } from './checks/live-updates.js';
import { popupEscapingChecks } from './checks/popup-escaping.js';
import { privateAccessChecks } from './checks/private-access.js';
import { publicMapChecks } from './checks/public-map.js';
import { smallScreenChecks } from './checks/small-screen.js';
import { viewerChecks } from './checks/viewer-read-only.js';
import { storageVariants, useBrowserSuite } from './support/browser-suite.js';

describe.each(storageVariants())('the dashboard in Chromium, %s storage', (variant) => {
  const suite = useBrowserSuite(variant);
  describe('public map', () => publicMapChecks(suite));
  describe('live updates', () => liveUpdateChecks(suite));
  describe('popups', () => popupEscapingChecks(suite));
  describe('admin builds a dashboard', () => adminFlowChecks(suite));
  describe('viewer', () => viewerChecks(suite));
  describe('private dashboards', () => privateAccessChecks(suite));
  describe('accessibility', () => accessibilityChecks(suite));
  describe('small screens and keyboard', () => smallScreenChecks(suite));
});
