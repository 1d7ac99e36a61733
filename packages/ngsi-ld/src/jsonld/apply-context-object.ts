import type { JsonObject, JsonValue } from '../entity/types.js';
import { KEYWORDS } from './iri.js';
import type { ContextState } from './term-definition.js';
import { invalidMember, TermDefiner, type ApplyOptions } from './term-definer.js';

export type { ApplyOptions } from './term-definer.js';

/** Keywords a context object may hold (JSON-LD 1.1 API §4.1.2 step 5). */
const CONTEXT_KEYWORDS: ReadonlySet<string> = new Set([
  '@base',
  '@direction',
  '@import',
  '@language',
  '@propagate',
  '@protected',
  '@type',
  '@version',
  '@vocab',
]);

/**
 * Apply one local context object to the state, in the order JSON-LD 1.1 API §4.1 prescribes:
 * @version, then @vocab, then each term (terms it depends on first). @import must already have been
 * merged in by the caller, which is the only part that needs I/O.
 * @example applyContextObject(state, { schema: 'https://schema.org/', name: 'schema:name' }, options)
 */
export function applyContextObject(
  state: ContextState,
  context: JsonObject,
  options: ApplyOptions,
): void {
  const version = context['@version'];
  if (version !== undefined && version !== 1.1) {
    throw invalidMember('@version', `must be 1.1 (got ${JSON.stringify(version)})`, options);
  }
  if ('@vocab' in context) applyVocab(state, context['@vocab'] ?? null, options);

  const definer = new TermDefiner(state, context, options);
  for (const term of Object.keys(context)) {
    if (!term.startsWith('@')) {
      definer.define(term);
    } else if (KEYWORDS.has(term) && !CONTEXT_KEYWORDS.has(term)) {
      throw invalidMember(
        term,
        'is a keyword that a context cannot redefine (keyword redefinition)',
        options,
      );
    }
    // @vocab and @version are handled above, @import by the caller; @base, @protected and the other
    // context keywords do not affect names; keyword-like keys are ignored, as JSON-LD 1.1 does.
  }
}

function applyVocab(state: ContextState, value: JsonValue, options: ApplyOptions): void {
  if (value === null) {
    state.vocab = undefined;
  } else if (typeof value !== 'string') {
    throw invalidMember('@vocab', 'must be an IRI, a compact IRI, a relative IRI or null', options);
  } else {
    // A relative @vocab (including "") is appended to the vocabulary in effect (JSON-LD 1.1 IRI
    // expansion with vocab=true); with none set yet that is the core's default vocabulary.
    state.vocab = new TermDefiner(state, {}, options).expandIri(value, true);
  }
}
