import { isAbsolute, normalize, resolve } from 'node:path';
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

export interface PathOptions extends FieldOptions<string> {
  /**
   * Folder that relative paths are resolved against, usually the app's working directory
   * passed in by its config.ts. Without it a relative path stays relative (normalised).
   */
  base?: string;
}

/**
 * A file system path, normalised (`./data//x/` → `data/x/`) and made absolute against `base`.
 * @example path({ env: 'LEGOCITY_DATA_DIR', default: '.legocity', base: cwd })
 */
export function path(options: OptionalFieldOptions<PathOptions>): Field<string, true>;
export function path(options: RequiredFieldOptions<PathOptions, string>): Field<string, false>;
export function path(options: PathOptions): Field<string> {
  const tidy = (text: string): string =>
    options.base !== undefined && !isAbsolute(text) ? resolve(options.base, text) : normalize(text);
  return defineField(
    {
      type: 'path',
      parse: (raw) => (raw.includes('\0') ? reject(messages.path()) : accept(tidy(raw.trim()))),
    },
    // The default is resolved like a typed value, so '.legocity' lands under `base` too.
    { ...options, default: options.default === undefined ? undefined : tidy(options.default) },
  );
}
