import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A file that says "this client id had a persistent session on this MQTT broker". Without it, a
 * restarted update server could not tell its first connection ever (no session expected) from a
 * broker that forgot its session (messages queued for it are gone). One file per broker + client.
 */
export interface SessionMarker {
  /** Whether a session was established before (by this or an earlier process). */
  exists(): Promise<boolean>;
  /** Record that the broker holds a session for us now. */
  record(): Promise<void>;
}

/**
 * The marker of one client id on one broker (`host:port`, never credentials), in `stateDir`.
 * @example const marker = sessionMarker('.legocity/updaters/mqtt', '127.0.0.1:1883', 'legocity-updaters-mqtt')
 */
export function sessionMarker(
  stateDir: string,
  brokerHost: string,
  clientId: string,
): SessionMarker {
  const name = `session-${`${brokerHost}-${clientId}`.replace(/[^A-Za-z0-9_.-]/g, '_')}.json`;
  const file = join(stateDir, name);
  return {
    async exists() {
      try {
        await readFile(file, 'utf8');
        return true;
      } catch {
        return false;
      }
    },
    async record() {
      await mkdir(stateDir, { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(
        temporary,
        JSON.stringify({ broker: brokerHost, clientId, since: new Date().toISOString() }),
      );
      await rename(temporary, file);
    },
  };
}
