import type { PassThrough } from 'node:stream';
import type { DumpSink } from './read-state.js';

/** A sink that writes into a stream, waiting when the reader is slower (backpressure). */
export interface StreamSink {
  sink: DumpSink;
  /** Resolves when the first text was written (the dump has started). */
  started: Promise<void>;
  /** Bytes written so far. */
  bytes: () => number;
}

/**
 * Feed a dump into a stream an HTTP response reads: each write waits for `drain` when the
 * stream's buffer is full, and fails once the stream is closed (the client went away), which
 * ends the dump's snapshot transaction.
 * @example const { sink, started } = streamSink(stream); void dumpState({ …, sink });
 */
export function streamSink(stream: PassThrough): StreamSink {
  let bytes = 0;
  let markStarted: () => void = () => undefined;
  const started = new Promise<void>((resolve) => {
    markStarted = resolve;
  });
  const sink: DumpSink = async (text) => {
    if (stream.destroyed) throw new Error('The backup stream was closed by its reader');
    bytes += Buffer.byteLength(text);
    const hasRoom = stream.write(text);
    markStarted();
    if (hasRoom) return;
    await new Promise<void>((resolve, reject) => {
      const onDrain = () => {
        stream.off('close', onClose);
        resolve();
      };
      const onClose = () => {
        stream.off('drain', onDrain);
        reject(new Error('The backup stream was closed by its reader'));
      };
      stream.once('drain', onDrain);
      stream.once('close', onClose);
    });
  };
  return { sink, started, bytes: () => bytes };
}
