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

export interface UrlOptions extends FieldOptions<string> {
  /**
   * Accepted protocols with their colon, as `URL#protocol` spells them. Defaults to HTTP(S):
   * any scheme would let `localhost:1026` pass as a URL whose protocol is `localhost:`.
   */
  protocols?: readonly string[];
}

/**
 * An absolute URL, kept as written (trimmed) because drivers such as `pg` want the string and
 * re-serialising could change it (`http://a` → `http://a/`). Summaries mask its password.
 * @example url({ env: 'DATABASE_URL', protocols: ['postgres:', 'postgresql:'], secret: true })
 */
export function url(options: OptionalFieldOptions<UrlOptions>): Field<string, true>;
export function url(options: RequiredFieldOptions<UrlOptions, string>): Field<string, false>;
export function url(options: UrlOptions): Field<string> {
  const protocols = (options.protocols ?? ['http:', 'https:']).map((p) => p.toLowerCase());
  return defineField(
    {
      type: `url (${protocols.join(', ')})`,
      parse: (raw) => {
        const text = raw.trim();
        const protocol = protocolOf(text);
        return protocol !== undefined && protocols.includes(protocol)
          ? accept(text)
          : reject(messages.url(protocols));
      },
    },
    options,
  );
}

function protocolOf(text: string): string | undefined {
  try {
    return new URL(text).protocol;
  } catch {
    return undefined;
  }
}
