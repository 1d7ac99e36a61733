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

/**
 * One word from a closed list. Letter case is forgiven (`INFO` → `info`) unless two allowed
 * values differ only by case, in which case the exact spelling wins.
 * @example oneOf(['debug', 'info', 'warn', 'error'], { env: 'LEGOCITY_BROKER_LOG_LEVEL', default: 'info' })
 */
export function oneOf<const V extends string>(
  values: readonly V[],
  options: OptionalFieldOptions<FieldOptions<NoInfer<V>>>,
): Field<V, true>;
export function oneOf<const V extends string>(
  values: readonly V[],
  options: RequiredFieldOptions<FieldOptions<NoInfer<V>>, NoInfer<V>>,
): Field<V, false>;
export function oneOf<const V extends string>(
  values: readonly V[],
  options: FieldOptions<V>,
): Field<V> {
  return defineField<V>(
    {
      type: `one of: ${values.join(', ')}`,
      parse: (raw) => {
        const text = raw.trim();
        const exact = values.find((value) => value === text);
        const loose = values.filter((value) => value.toLowerCase() === text.toLowerCase());
        const match = exact ?? (loose.length === 1 ? loose[0] : undefined);
        return match === undefined ? reject(messages.oneOf(values)) : accept(match);
      },
    },
    options,
  );
}
