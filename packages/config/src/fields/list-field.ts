import {
  accept,
  defineField,
  type Field,
  type FieldOptions,
  type OptionalFieldOptions,
  type RequiredFieldOptions,
} from '../field.js';

/**
 * Comma-separated words, each trimmed; empty items are dropped so `a, b,` is `['a', 'b']`.
 * @example list({ env: 'LEGOCITY_BROKER_CORS_ORIGINS', default: [] })
 */
export function list(options: OptionalFieldOptions<FieldOptions<string[]>>): Field<string[], true>;
export function list(
  options: RequiredFieldOptions<FieldOptions<string[]>, string[]>,
): Field<string[], false>;
export function list(options: FieldOptions<string[]>): Field<string[]> {
  return defineField(
    {
      type: 'list',
      parse: (raw) =>
        accept(
          raw
            .split(',')
            .map((item) => item.trim())
            .filter((item) => item !== ''),
        ),
      format: (value) => value.join(','),
    },
    options,
  );
}
