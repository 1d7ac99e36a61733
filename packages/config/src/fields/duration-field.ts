import {
  accept,
  defineField,
  reject,
  type Field,
  type FieldOptions,
  type OptionalFieldOptions,
  type RequiredFieldOptions,
} from '../field.js';
import { messages } from '../messages.js';

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
type Unit = keyof typeof UNIT_MS;
// Largest first, so formatting picks the shortest exact spelling.
const UNITS_DESCENDING: readonly Unit[] = ['d', 'h', 'm', 's', 'ms'];
const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)$/;

/**
 * Parses '500ms', '30s', '5m', '1h', '1d' (or '1.5s') into whole milliseconds. A bare number
 * is refused: '30' could mean seconds or milliseconds, and guessing wrong is a silent outage.
 * @example parseDuration('5m') // 300000
 */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text.trim().toLowerCase());
  if (!match?.[1] || !match[2]) return undefined;
  const ms = Math.round(Number(match[1]) * UNIT_MS[match[2] as Unit]);
  return Number.isSafeInteger(ms) ? ms : undefined;
}

/**
 * Writes milliseconds in the largest unit that divides them exactly.
 * @example formatDuration(90_000) // '90s'
 */
export function formatDuration(ms: number): string {
  const unit = UNITS_DESCENDING.find((candidate) => ms !== 0 && ms % UNIT_MS[candidate] === 0);
  return unit === undefined ? `${ms}ms` : `${ms / UNIT_MS[unit]}${unit}`;
}

/**
 * A length of time, loaded as milliseconds; the default is given in milliseconds too.
 * @example duration({ env: 'LEGOCITY_BROKER_SHUTDOWN_TIMEOUT', default: 10_000 })
 */
export function duration(options: OptionalFieldOptions<FieldOptions<number>>): Field<number, true>;
export function duration(
  options: RequiredFieldOptions<FieldOptions<number>, number>,
): Field<number, false>;
export function duration(options: FieldOptions<number>): Field<number> {
  return defineField(
    {
      type: 'duration',
      parse: (raw) => {
        const ms = parseDuration(raw);
        return ms === undefined ? reject(messages.duration()) : accept(ms);
      },
      format: formatDuration,
    },
    options,
  );
}
