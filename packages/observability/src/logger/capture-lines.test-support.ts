import type { DestinationStream } from 'pino';

/** A destination that keeps every log line, parsed, for assertions. */
export function captureLines(): {
  destination: DestinationStream;
  lines: Record<string, unknown>[];
  text: () => string;
} {
  const raw: string[] = [];
  return {
    destination: { write: (line: string) => raw.push(line) },
    get lines() {
      return raw.map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    text: () => raw.join(''),
  };
}
