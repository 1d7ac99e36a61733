import { createWriteStream } from 'node:fs';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { describeFailure } from '../platform/broker-admin.js';
import { probe } from '../platform/probe.js';
import { ChecksumStream, type Checksum } from './checksum.js';
import { DumpReader, type DumpHeader } from './dump-reader.js';
import type { BrokerSummary } from './manifest.js';
import { formatBytes, type Progress } from './progress.js';

export interface DumpBrokerOptions {
  brokerUrl: string;
  adminKey: string;
  /** Where the dump goes (created mode 0600). */
  file: string;
  /** How long the broker has to start answering, and to send the next bytes. */
  timeoutMs: number;
  progress: Progress;
  fetchImpl?: typeof fetch;
}

export interface BrokerDump {
  header: DumpHeader;
  summary: BrokerSummary;
  checksum: Checksum;
}

/**
 * Stream the broker's consistent dump (GET /admin/backup) to a file, never holding it in memory,
 * checking as it flows that every table matches its tableEnd line and that the end line came.
 * @example const dump = await dumpBroker({ brokerUrl, adminKey, file, timeoutMs: 5000, progress });
 */
export async function dumpBroker(options: DumpBrokerOptions): Promise<BrokerDump> {
  const url = `${options.brokerUrl.replace(/\/+$/, '')}/admin/backup`;
  const watchdog = new AbortController();
  let timer = setTimeout(() => watchdog.abort(), options.timeoutMs);
  const feed = () => {
    clearTimeout(timer);
    timer = setTimeout(() => watchdog.abort(), Math.max(options.timeoutMs, 60_000));
  };
  try {
    let response: Response;
    try {
      response = await (options.fetchImpl ?? fetch)(url, {
        headers: { authorization: `Bearer ${options.adminKey}`, accept: 'application/x-ndjson' },
        signal: watchdog.signal,
      });
    } catch {
      // probe() says why in an operator's words (refused, timed out, DNS).
      const base = options.brokerUrl.replace(/\/+$/, '');
      const why = await probe(`${base}/health/live`, { timeoutMs: options.timeoutMs });
      throw new Error(
        `the broker's dump (${url}) failed: ${why.ok ? 'the connection broke' : why.error}`,
      );
    }
    if (response.status !== 200 || !response.body) {
      const text = await response.text();
      const body = parseJson(text);
      throw new Error(
        `the broker refused its dump (GET /admin/backup): ${describeFailure({ ok: true, status: response.status, body, text })}`,
      );
    }
    const reader = new DumpReader();
    const checksum = new ChecksumStream();
    const follow = new Transform({
      transform(chunk: Buffer, _encoding, done: TransformCallback) {
        feed();
        try {
          reader.push(chunk);
        } catch (error) {
          return done(error as Error);
        }
        options.progress.update(
          `broker dump: ${reader.rows} rows, ${reader.tables} tables, ${formatBytes(checksum.bytes)}${reader.currentTable ? ` (${reader.currentTable})` : ''}`,
        );
        done(null, chunk);
      },
    });
    try {
      await pipeline(
        Readable.fromWeb(response.body as WebReadableStream<Uint8Array>),
        follow,
        checksum,
        createWriteStream(options.file, { mode: 0o600, flush: true }),
      );
    } catch (error) {
      const why = watchdog.signal.aborted ? 'the broker stopped sending' : (error as Error).message;
      throw new Error(`the broker's dump broke off after ${formatBytes(checksum.bytes)}: ${why}`);
    }
    const summary = reader.finish();
    if (!reader.header) throw new Error('the broker dump has no header line');
    return { header: reader.header, summary, checksum: checksum.result() };
  } finally {
    clearTimeout(timer);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
