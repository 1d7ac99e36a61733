import {
  accept,
  defineField,
  reject,
  type Field,
  type FieldOptions,
  type OptionalFieldOptions,
  type RequiredFieldOptions,
} from '../field.js';
import { messages, type Bounds } from '../messages.js';

export interface NumberOptions extends FieldOptions<number>, Bounds {}

const INTEGER = /^[+-]?\d+$/;
// Plain decimal notation only: Number() would also accept '0x1F', 'Infinity' and ''.
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A whole number, optionally bounded (both bounds inclusive).
 * @example integer({ env: 'LEGOCITY_BROKER_PORT', min: 1, max: 65535, default: 1026 })
 */
export function integer(options: OptionalFieldOptions<NumberOptions>): Field<number, true>;
export function integer(options: RequiredFieldOptions<NumberOptions, number>): Field<number, false>;
export function integer(options: NumberOptions): Field<number> {
  const bounds = { min: options.min, max: options.max };
  return defineField(
    {
      type: `integer${typeBounds(bounds)}`,
      parse: (raw) => {
        const text = raw.trim();
        const value = Number(text);
        return INTEGER.test(text) && Number.isSafeInteger(value) && isWithin(value, bounds)
          ? accept(value)
          : reject(messages.integer(bounds));
      },
    },
    options,
  );
}

/**
 * A finite decimal number, optionally bounded (both bounds inclusive).
 * @example number({ env: 'LEGOCITY_UPDATERS_SAMPLE_RATIO', min: 0, max: 1, default: 0.1 })
 */
export function number(options: OptionalFieldOptions<NumberOptions>): Field<number, true>;
export function number(options: RequiredFieldOptions<NumberOptions, number>): Field<number, false>;
export function number(options: NumberOptions): Field<number> {
  const bounds = { min: options.min, max: options.max };
  return defineField(
    {
      type: `number${typeBounds(bounds)}`,
      parse: (raw) => {
        const text = raw.trim();
        const value = Number(text);
        return DECIMAL.test(text) && Number.isFinite(value) && isWithin(value, bounds)
          ? accept(value)
          : reject(messages.number(bounds));
      },
    },
    options,
  );
}

function isWithin(value: number, { min, max }: Bounds): boolean {
  return (min === undefined || value >= min) && (max === undefined || value <= max);
}

function typeBounds({ min, max }: Bounds): string {
  if (min !== undefined && max !== undefined) return ` (${min}–${max})`;
  if (min !== undefined) return ` (≥ ${min})`;
  if (max !== undefined) return ` (≤ ${max})`;
  return '';
}
