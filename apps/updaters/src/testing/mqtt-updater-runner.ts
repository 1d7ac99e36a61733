/**
 * An update server with only the MQTT source, as a child process for the kill tests: started with
 * `node --conditions=source --import tsx mqtt-updater-runner.ts '<settings JSON>'`, the settings
 * being the source's variables (LEGOCITY_UPDATERS_MQTT_*) plus LEGOCITY_TEST_BROKER_URL,
 * LEGOCITY_TEST_TENANT, LEGOCITY_TEST_WRITE_KEY and LEGOCITY_TEST_DATA_DIR. Prints one JSON line per event on stdout:
 * `{"event":"ready"}` once the MQTT session is up, then `{"event":"stats",…}` every 200 ms.
 */
import { createLogger } from '@legocity/observability';
import { createUpdater } from '@legocity/updater-runtime';
import { readMqttConfig } from '../sources/mqtt/config.js';
import { formatDevicesFileProblems, readDevicesFile } from '../sources/mqtt/devices-file.js';
import { createMqttSource } from '../sources/mqtt/source.js';

const settings = JSON.parse(process.argv[2] ?? '{}') as Record<string, string>;
const env = (name: string): string => {
  const value = settings[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const config = readMqttConfig(settings);
if (!config.ok) throw new Error(JSON.stringify(config.problems));
const devices = await readDevicesFile(env('LEGOCITY_UPDATERS_MQTT_DEVICES'));
if (!devices.ok) throw new Error(formatDevicesFileProblems(devices.problems));
const logger = createLogger({
  component: 'updaters',
  version: 'test',
  commit: 'test',
  level: 'warn',
  destination: process.stderr,
});
const source = createMqttSource(config.value, devices.value);
const updater = createUpdater({
  sources: [source],
  broker: {
    url: env('LEGOCITY_TEST_BROKER_URL'),
    tenant: env('LEGOCITY_TEST_TENANT'),
    keyFor: () => env('LEGOCITY_TEST_WRITE_KEY'),
  },
  dataDir: env('LEGOCITY_TEST_DATA_DIR'),
  logger,
});
await updater.start();

const say = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);
let isReady = false;
const timer = setInterval(() => {
  if (!isReady && source.ready?.().ok) {
    isReady = true;
    say({ event: 'ready' });
  }
  const [report] = updater.report();
  say({ event: 'stats', ...source.stats(), outboxPending: report?.outbox.pending ?? 0 });
}, 200);

process.once('SIGTERM', () => {
  clearInterval(timer);
  void updater.stop().then(() => say({ event: 'stopped' }));
});
