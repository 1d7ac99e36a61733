import type { ConfigProblem, LoadConfigResult } from '@legocity/config';
import type { Logger } from '@legocity/observability';
import type { Source } from '@legocity/updater-runtime';
import { readAirQualityConfig } from './sources/air-quality/config.js';
import { createAirQualitySource } from './sources/air-quality/source.js';
import { readGbfsConfig } from './sources/gbfs/config.js';
import { createGbfsSource } from './sources/gbfs/source.js';
import { readMqttConfig } from './sources/mqtt/config.js';
import { readDevicesFile } from './sources/mqtt/devices-file.js';
import { createMqttSource } from './sources/mqtt/source.js';
import { readOpenDataConfig } from './sources/open-data/config.js';
import { createOpenDataSource } from './sources/open-data/source.js';
import {
  createSimulatorPublisher,
  createSimulatorSource,
  readSimulatorConfig,
  writeSimulatorDevices,
} from './sources/simulator/index.js';
import { readWeatherConfig } from './sources/weather/config.js';
import { createWeatherSource } from './sources/weather/source.js';

/** What one built-in source brings: runtime sources, and side work to start and stop with them. */
export interface SourceSetup {
  sources: Source[];
  /** Started after the runtime (e.g. the simulator's MQTT publisher). */
  start?(): Promise<void>;
  stop?(): Promise<void>;
}

export type SourceFactory = (
  env: NodeJS.ProcessEnv,
  log: Logger,
) => Promise<LoadConfigResult<SourceSetup>>;

const single =
  <C>(read: (env: NodeJS.ProcessEnv) => LoadConfigResult<C>, create: (config: C) => Source) =>
  (env: NodeJS.ProcessEnv): Promise<LoadConfigResult<SourceSetup>> => {
    const config = read(env);
    return Promise.resolve(
      config.ok ? { ok: true, value: { sources: [create(config.value)] } } : config,
    );
  };

/**
 * The built-in sources by id (LEGOCITY_UPDATERS_SOURCES). Each reads its own settings from the
 * environment it is given and reports every problem by variable name.
 */
export const SOURCE_FACTORIES: Readonly<Record<string, SourceFactory>> = {
  weather: single(readWeatherConfig, createWeatherSource),
  'air-quality': single(readAirQualityConfig, createAirQualitySource),
  gbfs: single(readGbfsConfig, createGbfsSource),
  'open-data': single((env) => readOpenDataConfig(env), createOpenDataSource),
  async simulator(env, log) {
    const config = readSimulatorConfig(env);
    if (!config.ok) return config;
    if (!config.value.enabled) return { ok: true, value: { sources: [] } };
    // The sensors' provisioning file, for the MQTT source to map what the publisher sends.
    if (config.value.devicesFile) await writeSimulatorDevices(config.value.devicesFile);
    const publisher = createSimulatorPublisher(config.value, { log });
    return {
      ok: true,
      value: {
        sources: [createSimulatorSource(config.value)],
        start: () => publisher.start(),
        stop: () => publisher.stop(),
      },
    };
  },
  async mqtt(env) {
    const config = readMqttConfig(env);
    if (!config.ok) return config;
    const variable = 'LEGOCITY_UPDATERS_MQTT_DEVICES';
    if (!config.value.devicesFile)
      return { ok: false, problems: [{ variable, message: 'is required by the mqtt source' }] };
    const devices = await readDevicesFile(config.value.devicesFile);
    if (!devices.ok)
      return {
        ok: false,
        problems: devices.problems.map((problem) => ({
          variable,
          message: `${problem.path}: ${problem.message}`,
        })),
      };
    return { ok: true, value: { sources: [createMqttSource(config.value, devices.value)] } };
  },
};

/**
 * Set up the named sources; every problem of every source at once.
 * @example const setups = await setUpSources(['simulator', 'mqtt'], process.env, log);
 */
export async function setUpSources(
  ids: readonly string[],
  env: NodeJS.ProcessEnv,
  log: Logger,
): Promise<LoadConfigResult<SourceSetup[]>> {
  const problems: ConfigProblem[] = [];
  const setups: SourceSetup[] = [];
  for (const id of ids) {
    const factory = SOURCE_FACTORIES[id];
    if (!factory) {
      problems.push({
        variable: 'LEGOCITY_UPDATERS_SOURCES',
        message: `names an unknown source "${id}"; known: ${Object.keys(SOURCE_FACTORIES).join(', ')}`,
      });
      continue;
    }
    const setup = await factory(env, log);
    if (setup.ok) setups.push(setup.value);
    else problems.push(...setup.problems);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: setups };
}
