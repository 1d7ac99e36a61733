import { applyContextObject } from './apply-context-object.js';
import { CompiledContext } from './compiled-context.js';
import { CORE_CONTEXT_DOCUMENT, CORE_CONTEXT_URL, CORE_VOCAB } from './core-context.js';
import { emptyContextState, type ContextState } from './term-definition.js';
import type { ActiveContext } from './types.js';

let coreState: ContextState | undefined;
let coreContext: CompiledContext | undefined;

/**
 * The processed core @context (terms and @vocab), built once. Its terms never depend on user
 * contexts (every core term resolves within the core itself), so laying them over a user state is
 * the same as processing the core document last.
 */
export function coreContextState(): Readonly<ContextState> {
  if (!coreState) {
    const state = emptyContextState();
    applyContextObject(state, CORE_CONTEXT_DOCUMENT['@context'], {
      fallbackVocab: CORE_VOCAB,
      source: ' (in the core @context)',
    });
    coreState = state;
  }
  return coreState;
}

/**
 * The ActiveContext of a request without a user @context: the core alone. One shared instance, so
 * its memo tables warm up once for the whole process.
 * @example getCoreContext().compactIri('https://uri.etsi.org/ngsi-ld/location') // 'location'
 */
export function getCoreContext(): ActiveContext {
  coreContext ??= new CompiledContext({
    terms: coreContextState().terms,
    vocab: coreContextState().vocab ?? CORE_VOCAB,
    definition: CORE_CONTEXT_URL,
    linkUrl: CORE_CONTEXT_URL,
    isCoreOnly: true,
  });
  return coreContext;
}
