import type { FastifyInstance } from 'fastify';
import { principalOf } from '../auth/http-access.js';
import { JSON } from '../http/media-types.js';
import type { RouteTable } from '../http/route-kit.js';
import type { Database } from '../storage/database.js';
import { backupErrors } from './backup-messages.js';
import { NDJSON } from './dump-format.js';
import { ndjsonLines } from './ndjson-lines.js';
import { ProgressLog } from './progress-log.js';
import { restoreState } from './restore-state.js';
import { sendBackup } from './send-backup.js';
import { summariseState } from './summarise-state.js';

export interface BackupRouteDeps {
  db: Database;
  brokerVersion: string;
  /** Called once a restore has committed: this process forgets what it cached (keys, contexts…). */
  forgetCachedState: () => void;
}

export const BACKUP_PATH = '/admin/backup';
export const RESTORE_PATH = '/admin/restore';
// One row line at most (a large entity); a longer line is not a dump's.
const MAX_LINE_LENGTH = 64 * 1024 * 1024;

/**
 * Backup and restore of the broker's whole state (decision 0010), beside /admin/keys: admin scope
 * only (auth/required-access.ts guards /admin/*). Not NGSI-LD.
 */
export function registerBackupRoutes(
  app: FastifyInstance,
  routes: RouteTable,
  deps: BackupRouteDeps,
): void {
  routes.register(app, {
    method: 'GET',
    url: BACKUP_PATH,
    query: [],
    handler: (request, reply) => sendBackup(request, reply, deps),
  });

  routes.register(app, {
    method: 'GET',
    url: `${BACKUP_PATH}/summary`,
    query: [],
    async handler(request, reply) {
      reply.type(JSON).header('cache-control', 'no-store');
      if (request.method === 'HEAD') return reply.send();
      const progress = new ProgressLog(request.log, 'Summary');
      const summary = await summariseState(deps.db, progress);
      progress.done();
      return reply.send(summary);
    },
  });

  // The dump is read as a stream (no body limit, flat memory); other routes still refuse NDJSON.
  app.addContentTypeParser(NDJSON, (request, payload, done) => {
    if (request.routeOptions.url === RESTORE_PATH) done(null, payload);
    else done(backupErrors.ndjsonElsewhere(), undefined);
  });
  routes.register(app, {
    method: 'POST',
    url: RESTORE_PATH,
    query: ['replace'],
    hasBody: true,
    beforeBody(request) {
      const contentType = request.headers['content-type'];
      if (!contentType?.toLowerCase().startsWith(NDJSON)) throw backupErrors.mediaType(contentType);
    },
    async handler(request, reply, query) {
      if (query.replace !== undefined && query.replace !== 'true' && query.replace !== 'false') {
        throw backupErrors.replaceParam();
      }
      const principal = principalOf(request);
      const body = (request.body as AsyncIterable<Buffer> | undefined) ?? [];
      const result = await restoreState({
        db: deps.db,
        lines: ndjsonLines(body, MAX_LINE_LENGTH),
        replace: query.replace === 'true',
        caller: principal && { keyId: principal.keyId, name: principal.name },
        logger: request.log,
      });
      deps.forgetCachedState();
      return reply.type(JSON).send(result);
    },
  });
}
