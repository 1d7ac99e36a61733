import type { ActiveContext } from '../jsonld/types.js';
import type { FormatOptions, Representation } from './format-options.js';
import { parseLanguageFilter, type LanguageRange } from './language-filter.js';

/** What every attribute renderer needs, worked out once per response rather than per attribute. */
export interface Renderer {
  readonly context: ActiveContext;
  readonly representation: Representation;
  readonly sysAttrs: boolean;
  /** Parsed language filter; undefined when the request had none. */
  readonly languages: readonly LanguageRange[] | undefined;
}

/**
 * Prepare the per-response rendering settings (parses the language filter once).
 * @example const renderer = createRenderer({ context, representation: 'concise', sysAttrs: false, includeContext: false })
 */
export function createRenderer(options: FormatOptions): Renderer {
  const languages = options.lang ? parseLanguageFilter(options.lang) : undefined;
  return {
    context: options.context,
    representation: options.representation,
    sysAttrs: options.sysAttrs,
    languages: languages && languages.length > 0 ? languages : undefined,
  };
}
