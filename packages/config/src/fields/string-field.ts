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

export interface StringOptions extends FieldOptions<string> {
  /** Shortest accepted value, e.g. 32 for a signing secret. */
  minLength?: number;
}

/**
 * Text taken as it is: not trimmed, because a secret may end with a space on purpose.
 * @example string({ env: 'PAYLOAD_SECRET', secret: true, minLength: 32 })
 */
export function string(options: OptionalFieldOptions<StringOptions>): Field<string, true>;
export function string(options: RequiredFieldOptions<StringOptions, string>): Field<string, false>;
export function string(options: StringOptions): Field<string> {
  const { minLength } = options;
  return defineField(
    {
      type: 'string',
      parse: (raw) =>
        minLength !== undefined && raw.length < minLength
          ? reject(messages.minLength(minLength))
          : accept(raw),
    },
    options,
  );
}
