import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer, type Server, type Socket } from 'node:net';
import { Aedes } from 'aedes';
import { Level } from 'level';

// aedes-persistence-level is CommonJS without type declarations: a factory of a persistence.
const aedesPersistenceLevel = createRequire(import.meta.url)('aedes-persistence-level') as (
  db: Level<string, Buffer>,
) => unknown;

export interface EmbeddedMqttOptions {
  /** Default 1883 (0: any free port). */
  port?: number;
  /** Default 127.0.0.1: the embedded broker is for this machine only. */
  host?: string;
  /**
   * Folder of the persistence (sessions, queued QoS 1 messages, retained messages), kept across
   * restarts of the process. Unset: in memory, so a restart loses sessions (and the MQTT source
   * reports the lost session).
   */
  dataDir?: string;
}

/** A running embedded MQTT broker. */
export interface EmbeddedMqtt {
  /** `mqtt://host:port`, for LEGOCITY_UPDATERS_MQTT_URL and the simulator. */
  url: string;
  close(): Promise<void>;
}

/**
 * Start an in-process MQTT 3.1.1 broker (aedes) for the zero-setup default, when the operator
 * configured no MQTT broker of their own (production uses Mosquitto). With `dataDir`, sessions and
 * queued messages are kept in a LevelDB folder (aedes-persistence-level) and survive a restart.
 * @example const mqtt = await startEmbeddedMqtt({ dataDir: '.legocity/mqtt' }); … await mqtt.close();
 */
export async function startEmbeddedMqtt(options: EmbeddedMqttOptions = {}): Promise<EmbeddedMqtt> {
  const host = options.host ?? '127.0.0.1';
  let db: Level<string, Buffer> | undefined;
  if (options.dataDir !== undefined) {
    await mkdir(options.dataDir, { recursive: true });
    db = new Level<string, Buffer>(options.dataDir, { valueEncoding: 'buffer' });
    await db.open();
  }
  const broker = await Aedes.createBroker({
    ...(db && { persistence: aedesPersistenceLevel(db) }),
  });
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    broker.handle(socket);
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 1883, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await new Promise<void>((resolve) => broker.close(() => resolve()));
    await db?.close();
    throw error;
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 1883);
  return {
    url: `mqtt://${host}:${port}`,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await closed;
      await db?.close();
    },
  };
}
