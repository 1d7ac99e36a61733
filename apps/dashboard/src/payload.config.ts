import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireDashboardConfig } from './config.js';
import { createPayloadConfig } from './payload/create-payload-config.js';
import { resolvePayloadSecret } from './secrets/payload-secret.js';

const settings = requireDashboardConfig();

/** The CMS configuration Next (`@payload-config`) and the Payload CLI load. */
export default createPayloadConfig({
  databaseUrl: settings.databaseUrl,
  dataDir: settings.dataDir,
  secret: resolvePayloadSecret({ configured: settings.payloadSecret, dataDir: settings.dataDir }),
  srcDir: dirname(fileURLToPath(import.meta.url)),
  alertsUrl: settings.alertsUrl,
});
