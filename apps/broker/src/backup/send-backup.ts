import { PassThrough } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { auditStore } from '../auth/audit-log.js';
import { principalOf } from '../auth/http-access.js';
import type { Database } from '../storage/database.js';
import { NDJSON } from './dump-format.js';
import { dumpState } from './dump-state.js';
import { streamSink } from './dump-sink.js';
import { ProgressLog } from './progress-log.js';

/**
 * Answer GET /admin/backup: stream the dump as it is read (backpressure: a slow reader slows the
 * dump; one who leaves stops it). A failure before the first line is an ordinary error answer;
 * after it, the stream is cut and the dump lacks its end line, which readers treat as truncated.
 * A finished dump is logged (sizes, never contents) and audited as `backup.created`.
 * @example return sendBackup(request, reply, { db, brokerVersion })
 */
export async function sendBackup(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: { db: Database; brokerVersion: string },
): Promise<FastifyReply> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  reply
    .type(NDJSON)
    .header('cache-control', 'no-store')
    .header('content-disposition', `attachment; filename="legocity-broker-${stamp}.ndjson"`);
  // HEAD (which Fastify answers with this handler) must not take a snapshot for nothing.
  if (request.method === 'HEAD') return reply.send();
  const stream = new PassThrough();
  const { sink, started, bytes } = streamSink(stream);
  const progress = new ProgressLog(request.log, 'Backup');
  const dump = dumpState({ db: deps.db, brokerVersion: deps.brokerVersion, sink, progress });
  await Promise.race([started, dump]);
  const principal = principalOf(request);
  const finished = async (tables: { rows: number }[]) => {
    stream.end();
    progress.done({ bytes: bytes() });
    await auditStore.insert(deps.db, {
      ...(principal && { actorKeyId: principal.keyId, actorName: principal.name }),
      action: 'backup.created',
      outcome: 'success',
      detail: {
        tables: tables.length,
        rows: tables.reduce((sum, table) => sum + table.rows, 0),
        bytes: bytes(),
        durationMs: progress.elapsedMs,
      },
    });
  };
  const failed = (error: unknown) => {
    if (stream.destroyed) {
      request.log.warn({ correlationId: request.id }, 'Backup stopped: its reader went away');
      return;
    }
    request.log.error(
      { err: error, correlationId: request.id },
      'Backup failed; the dump ends without its end line',
    );
    stream.destroy(error instanceof Error ? error : new Error(String(error)));
  };
  dump
    .then((end) => finished(end.tables), failed)
    .catch((error: unknown) => request.log.warn({ err: error }, 'Could not write an audit event'));
  return reply.send(stream);
}
