#!/usr/bin/env node
/**
 * The broker process: read configuration, start, serve, shut down gracefully.
 * The only place that ends the process (STYLE.md habit 7).
 */
import { formatProblems, summarizeConfig } from '@legocity/config';
import { createLogger, wireProcess } from '@legocity/observability';
import { createBroker } from './broker.js';
import { brokerConfigSchema, readBrokerConfig } from './config.js';
import { BROKER_VERSION, gitCommit } from './version.js';

async function main(): Promise<void> {
  const loaded = readBrokerConfig();
  if (!loaded.ok) {
    process.stderr.write(`${formatProblems(loaded.problems)}\n`);
    process.exit(2);
  }
  const config = loaded.value;
  const logger = createLogger({
    component: 'broker',
    version: BROKER_VERSION,
    commit: config.commit ?? gitCommit() ?? 'unknown',
    level: config.logLevel,
  });
  logger.info(
    { config: summarizeConfig(brokerConfigSchema, config) },
    'Starting the LegoCity broker',
  );

  const shutdown = wireProcess({
    logger,
    timeoutMs: config.shutdownTimeout,
    onExit: (code) => process.exit(code),
  });

  const broker = await createBroker(config, logger);
  shutdown.register('storage and HTTP server', () => broker.close());
  shutdown.register('readiness', () => broker.markShuttingDown());
  const address = await broker.app.listen({ port: config.port, host: config.host });
  logger.info({ address, api: `${address}/ngsi-ld/v1` }, 'Broker ready');
}

main().catch((error: unknown) => {
  process.stderr.write(
    `The broker could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
