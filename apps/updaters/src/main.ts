#!/usr/bin/env node
/**
 * The update-server process: read configuration, set up the chosen sources with their own write
 * keys, run them on the updater runtime, serve /health and /metrics, shut down gracefully.
 * The only place that ends the process (STYLE.md habit 7).
 */
import { join } from 'node:path';
import { formatProblems, summarizeConfig } from '@legocity/config';
import { createHealth, createLogger, createMetrics, wireProcess } from '@legocity/observability';
import { createUpdater, createUpdaterMetrics, startUpdaterServer } from '@legocity/updater-runtime';
import { configuredSourceKey, readUpdatersConfig, updatersConfigSchema } from './config.js';
import { startEmbeddedMqtt } from './mqtt-server/embedded-mqtt.js';
import { setUpSources } from './source-registry.js';
import { sourceKey } from './source-keys.js';
import { UPDATERS_VERSION, gitCommit } from './version.js';
import { runOnce } from './run-once.js';
import { waitForKeys } from './wait-for-keys.js';

async function main(): Promise<void> {
  const loaded = readUpdatersConfig();
  if (!loaded.ok) {
    process.stderr.write(`${formatProblems(loaded.problems)}\n`);
    process.exit(2);
  }
  const config = loaded.value;
  const commit = config.commit ?? gitCommit() ?? 'unknown';
  const logger = createLogger({
    component: 'updaters',
    version: UPDATERS_VERSION,
    commit,
    level: config.logLevel,
  });
  logger.info(
    { config: summarizeConfig(updatersConfigSchema, config) },
    'Starting the LegoCity update servers',
  );
  const shutdown = wireProcess({
    logger,
    timeoutMs: config.shutdownTimeout,
    onExit: (code) => process.exit(code),
  });

  // Sensors and the simulator need an MQTT server: the operator's, else an embedded one.
  let mqttUrl = config.mqttUrl;
  const usesMqtt = config.sources.some((id) => id === 'mqtt' || id === 'simulator');
  // A one-shot load publishes nothing (the simulator's sensors are its side work).
  if (!mqttUrl && usesMqtt && !config.once) {
    const embedded = await startEmbeddedMqtt({
      port: config.embeddedMqttPort,
      dataDir: join(config.dataDir, 'embedded-mqtt'),
    });
    shutdown.register('embedded MQTT server', () => embedded.close());
    mqttUrl = embedded.url;
    logger.info({ url: mqttUrl }, 'Embedded MQTT server listening');
  }
  const devicesFile = join(config.dataDir, 'simulator-devices.json');
  const env: NodeJS.ProcessEnv = {
    LEGOCITY_UPDATERS_MQTT_STATE_DIR: join(config.dataDir, 'mqtt'),
    ...(mqttUrl && {
      LEGOCITY_UPDATERS_MQTT_URL: mqttUrl,
      LEGOCITY_UPDATERS_SIMULATOR_MQTT_URL: mqttUrl,
    }),
    // Demo city: the simulator provisions its sensors for the MQTT source.
    ...(config.demo && {
      LEGOCITY_UPDATERS_SIMULATOR_DEVICES_FILE: devicesFile,
      LEGOCITY_UPDATERS_MQTT_DEVICES: devicesFile,
    }),
    ...process.env,
  };
  const setups = await setUpSources(config.sources, env, logger);
  if (!setups.ok) {
    process.stderr.write(`${formatProblems(setups.problems)}\n`);
    process.exit(2);
  }
  const sources = setups.value.flatMap((setup) => setup.sources);
  const streams = sources.filter((source) => source.kind === 'stream');
  if (config.once && streams.length > 0) {
    process.stderr.write(
      `LEGOCITY_UPDATERS_ONCE: ${streams.map((s) => s.id).join(', ')} ${streams.length === 1 ? 'is a stream source' : 'are stream sources'} with no run to do once; list only polled sources in LEGOCITY_UPDATERS_SOURCES\n`,
    );
    process.exit(2);
  }

  const configured = sources.map((source) => configuredSourceKey(source.id, env));
  const keyProblems = configured.flatMap((result) => (result.ok ? [] : [result.problem]));
  if (keyProblems.length > 0) {
    process.stderr.write(`${formatProblems(keyProblems)}\n`);
    process.exit(2);
  }
  const keys = await waitForKeys(
    sources.map((source, index) => () => {
      const given = configured[index];
      return sourceKey({
        sourceId: source.id,
        entityTypes: source.entityTypes,
        configured: given?.ok ? given.key : undefined,
        dataDir: config.dataDir,
        brokerUrl: config.brokerUrl,
        tenant: config.tenant,
        adminKey: config.brokerAdminKey,
      });
    }),
    logger,
    () => shutdown.isShuttingDown,
  );
  const keyOf = new Map(sources.map((source, index) => [source.id, keys[index] ?? '']));

  const metrics = createMetrics({ prefix: 'legocity_updaters' });
  const updater = createUpdater({
    sources,
    broker: {
      url: config.brokerUrl,
      tenant: config.tenant,
      keyFor: (sourceId) => keyOf.get(sourceId) ?? '',
    },
    dataDir: config.dataDir,
    logger,
    metrics: createUpdaterMetrics(metrics),
    writer: { authRetryMs: config.authRetry },
  });
  await updater.start();
  shutdown.register('sources and outboxes', () => updater.stop());
  if (config.once) {
    const result = await runOnce(updater, { timeoutMs: config.onceTimeout });
    if (result.ok)
      logger.info({ report: result.sources }, 'Loaded once: every source ran and delivered');
    else
      logger.error(
        { report: result.sources, problem: result.problem },
        `Load failed: ${result.problem}`,
      );
    await shutdown.trigger('run once finished', { exitCode: result.ok ? 0 : 1 });
    return;
  }
  for (const setup of setups.value) {
    await setup.start?.();
    shutdown.register('source side work', () => setup.stop?.() ?? Promise.resolve());
  }

  const startedAt = new Date();
  const health = createHealth({
    component: 'updaters',
    version: UPDATERS_VERSION,
    commit,
    startedAt,
    checks: [
      {
        name: 'broker',
        // Not critical: the outboxes keep everything while the broker is away.
        critical: false,
        run: async ({ signal }) => {
          const response = await fetch(new URL('/health/live', config.brokerUrl), { signal });
          await response.arrayBuffer();
          return { ok: response.ok, detail: response.ok ? undefined : `HTTP ${response.status}` };
        },
      },
    ],
  });
  const server = await startUpdaterServer({
    port: config.port,
    host: config.host,
    updater,
    metrics,
    health,
    version: { component: 'updaters', version: UPDATERS_VERSION, commit, startedAt },
  });
  shutdown.register('HTTP server', () => server.close());
  shutdown.register('readiness', () => health.markShuttingDown());
  logger.info(
    { url: server.url, sources: sources.map((source) => source.id), mqtt: mqttUrl },
    'Update servers ready',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `The update servers could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
