import { isAbsoluteIri } from './iri.js';
import type { TermDefinition } from './term-definition.js';
import type { ActiveContext, ContextDefinition } from './types.js';

export interface CompiledContextInit {
  terms: ReadonlyMap<string, TermDefinition>;
  vocab: string;
  definition: ContextDefinition;
  linkUrl: string;
  isCoreOnly: boolean;
}

/** Memo tables are cleared past this size so that arbitrary names sent by clients cannot grow them forever. */
const MAX_MEMO_ENTRIES = 10_000;

/**
 * An ActiveContext over a fixed set of term definitions (the request's contexts with the core on
 * top). Expansion and compaction follow JSON-LD 1.1 IRI expansion/compaction with vocab=true, the
 * rules NGSI-LD names and vocab values use (ETSI GS CIM 009 §5.5.7). Both are memoized: after warm-up
 * a lookup is one Map access.
 * @example
 * const context = new CompiledContext({ terms, vocab, definition, linkUrl, isCoreOnly: false });
 * context.expandTerm('temperature') // 'https://uri.etsi.org/ngsi-ld/default-context/temperature'
 */
export class CompiledContext implements ActiveContext {
  readonly definition: ContextDefinition;
  readonly linkUrl: string;
  readonly isCoreOnly: boolean;
  readonly #terms: ReadonlyMap<string, TermDefinition>;
  readonly #vocab: string;
  /** IRI → the term to write it as (shortest, then lexicographically least). */
  readonly #termByIri = new Map<string, string>();
  /** [term, IRI] of the terms usable as prefixes, longest IRI first. */
  readonly #prefixes: Array<readonly [string, string]> = [];
  readonly #expanded = new Map<string, string>();
  readonly #compacted = new Map<string, string>();

  constructor(init: CompiledContextInit) {
    this.definition = init.definition;
    this.linkUrl = init.linkUrl;
    this.isCoreOnly = init.isCoreOnly;
    this.#terms = init.terms;
    this.#vocab = init.vocab;
    for (const [term, { iri, isPrefix }] of init.terms) {
      if (iri.startsWith('@')) continue; // keyword aliases ("id", "type") never stand for a name
      const current = this.#termByIri.get(iri);
      if (current === undefined || isPreferred(term, current)) this.#termByIri.set(iri, term);
      if (isPrefix) this.#prefixes.push([term, iri]);
    }
    this.#prefixes.sort(([a, x], [b, y]) => y.length - x.length || (a < b ? -1 : 1));
  }

  /**
   * Expand an attribute name, entity type or vocab value: a term → its IRI; prefix:suffix with a
   * defined prefix → the concatenation; an absolute IRI (scheme "://", or urn:) → itself;
   * anything else → @vocab + the name.
   */
  expandTerm(term: string): string {
    let iri = this.#expanded.get(term);
    if (iri === undefined) {
      iri = this.#expand(term);
      remember(this.#expanded, term, iri);
    }
    return iri;
  }

  /**
   * Compact an IRI: the term defined for it; else the remainder after @vocab; else the compact IRI
   * with the longest prefix; else the IRI itself. A candidate is used only if it expands back to
   * the same IRI, so a name never collides with a term that means something else.
   */
  compactIri(iri: string): string {
    let name = this.#compacted.get(iri);
    if (name === undefined) {
      name = this.#compact(iri);
      remember(this.#compacted, iri, name);
    }
    return name;
  }

  /** VocabProperty values and objectType expand as terms do (`@type: @vocab`, vocab=true). */
  expandVocabValue(value: string): string {
    return this.expandTerm(value);
  }

  compactVocabValue(iri: string): string {
    return this.compactIri(iri);
  }

  #expand(term: string): string {
    if (term.startsWith('@')) return term;
    const definition = this.#terms.get(term);
    if (definition) return definition.iri;
    const colon = term.indexOf(':');
    if (colon > 0 && !term.startsWith('//', colon + 1)) {
      const prefix = this.#terms.get(term.slice(0, colon));
      if (prefix?.isPrefix) return prefix.iri + term.slice(colon + 1);
    }
    return isAbsoluteIri(term) ? term : this.#vocab + term;
  }

  #compact(iri: string): string {
    const term = this.#termByIri.get(iri);
    if (term !== undefined) return term;
    // @vocab before compact IRIs, as JSON-LD IRI compaction does: otherwise every default-context
    // name would come out as "ngsi-ld:default-context/…".
    if (iri.length > this.#vocab.length && iri.startsWith(this.#vocab)) {
      const suffix = iri.slice(this.#vocab.length);
      if (this.expandTerm(suffix) === iri) return suffix;
    }
    for (const [prefix, prefixIri] of this.#prefixes) {
      if (iri.length > prefixIri.length && iri.startsWith(prefixIri)) {
        const candidate = `${prefix}:${iri.slice(prefixIri.length)}`;
        if (this.expandTerm(candidate) === iri) return candidate;
      }
    }
    return iri;
  }
}

function isPreferred(candidate: string, current: string): boolean {
  return (
    candidate.length < current.length ||
    (candidate.length === current.length && candidate < current)
  );
}

function remember(memo: Map<string, string>, key: string, value: string): void {
  if (memo.size >= MAX_MEMO_ENTRIES) memo.clear();
  memo.set(key, value);
}
