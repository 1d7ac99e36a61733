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

// Only unambiguous words: 'on', 'y' or '' could mean either to someone.
const WORDS: Readonly<Record<string, boolean>> = {
  true: true,
  false: false,
  yes: true,
  no: false,
  '1': true,
  '0': false,
};

/**
 * A flag: true/false, yes/no or 1/0, in any letter case.
 * @example boolean({ env: 'LEGOCITY_BROKER_AUTH_ENABLED', default: true })
 */
export function boolean(options: OptionalFieldOptions<FieldOptions<boolean>>): Field<boolean, true>;
export function boolean(
  options: RequiredFieldOptions<FieldOptions<boolean>, boolean>,
): Field<boolean, false>;
export function boolean(options: FieldOptions<boolean>): Field<boolean> {
  return defineField(
    {
      type: 'boolean',
      parse: (raw) => {
        const value = WORDS[raw.trim().toLowerCase()];
        return value === undefined ? reject(messages.boolean()) : accept(value);
      },
    },
    options,
  );
}
