#!/usr/bin/env node
/**
 * The alerts service: read configuration, serve /alerts, /health and /metrics, scrape every
 * component and evaluate the alert rules every interval, send state changes and heartbeats to the
 * webhook, shut down gracefully. The only place that ends the process (STYLE.md habit 7).
 */
import { formatProblems, summarizeConfig } from '@legocity/config';
import { createLogger, wireProcess } from '@legocity/observability';
import { startAlertsService } from './alerts-service.js';
import { alertsConfigSchema, readAlertsConfig } from './config.js';
import { runEvery } from './evaluate/run-every.js';
import { messages } from './messages.js';
import { ALERTS_VERSION, gitCommit } from './version.js';

async function main(): Promise<void> {
  const loaded = readAlertsConfig();
  if (!loaded.ok) {
    process.stderr.write(`${formatProblems(loaded.problems)}\n`);
    process.exit(2);
  }
  const config = loaded.value;
  const commit = config.commit ?? gitCommit() ?? 'unknown';
  const logger = createLogger({
    component: 'alerts',
    version: ALERTS_VERSION,
    commit,
    level: config.logLevel,
  });
  logger.info(
    { config: summarizeConfig(alertsConfigSchema, config) },
    'Starting the LegoCity alerts service',
  );
  const shutdown = wireProcess({
    logger,
    timeoutMs: config.shutdownTimeout,
    onExit: (code) => process.exit(code),
  });

  const service = await startAlertsService({ config, logger, version: ALERTS_VERSION, commit });
  // Shutdown runs these in reverse: readiness first, then the loop, then the webhook and server.
  // Queued alerts get a few seconds; the rest of the shutdown budget stays for the server.
  shutdown.register('webhook and HTTP server', () =>
    service.close(Math.min(5_000, Math.max(500, config.shutdownTimeout - 2_000))),
  );
  const loop = runEvery(
    config.interval,
    () => service.tick(),
    (error) => logger.error({ err: error }, messages.roundFailed()),
  );
  shutdown.register('evaluation loop', () => loop.stop());
  shutdown.register('readiness', () => service.markShuttingDown());
  logger.info(
    {
      url: service.server.url,
      targets: config.targets,
      rules: service.evaluator.ruleCount,
      webhook: config.webhookUrl !== undefined,
    },
    'Alerts service ready',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `The alerts service could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
