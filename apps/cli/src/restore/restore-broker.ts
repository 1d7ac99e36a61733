import { describeFailure } from '../platform/broker-admin.js';
import { postFile } from './post-file.js';

/** What the broker's POST /admin/restore answers (apps/broker/src/backup/restore-state.ts). */
export interface BrokerRestoreResult {
  tables: { schema: string; name: string; rows: number }[];
  entities: Record<string, Record<string, number>>;
  durationMs: number;
  migrationsApplied?: number;
  /** The restoring key: `kept` when the backup did not hold it and the broker added it back. */
  callerKey?: { id: string; name: string; kept: boolean; renamedFrom?: string };
}

/**
 * Restore a broker from a dump file (POST /admin/restore, streamed): all or nothing. Without
 * `replace` the broker refuses (409) unless it is empty.
 * @example const result = await restoreBroker({ brokerUrl, adminKey, file, replace: false });
 */
export async function restoreBroker(options: {
  brokerUrl: string;
  adminKey: string;
  file: string;
  replace: boolean;
}): Promise<BrokerRestoreResult> {
  const url = `${options.brokerUrl.replace(/\/+$/, '')}/admin/restore${options.replace ? '?replace=true' : ''}`;
  let answer;
  try {
    answer = await postFile(url, options.file, {
      authorization: `Bearer ${options.adminKey}`,
      'content-type': 'application/x-ndjson',
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(
      `the broker at ${options.brokerUrl} did not take the restore: ${code === 'ECONNREFUSED' ? 'connection refused (not running, or another port)' : (code ?? (error as Error).message)}`,
    );
  }
  if (answer.status === 200) return answer.body as BrokerRestoreResult;
  const why = describeFailure({
    ok: true,
    status: answer.status,
    body: answer.body,
    text: answer.text,
  });
  if (answer.status === 409 && why.includes('not empty'))
    throw new Error(
      `the broker refused the restore: ${why}. Restore into an empty broker, or add --force to replace what it holds`,
    );
  throw new Error(`the broker refused the restore: ${why}`);
}
