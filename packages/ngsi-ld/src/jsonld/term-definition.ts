/**
 * What a processed @context knows about one term (JSON-LD 1.1 API §4.2, reduced to what NGSI-LD
 * names need: the IRI, the type mapping, the container, and whether it may serve as a prefix).
 */
export interface TermDefinition {
  /** Expanded IRI the term stands for, or a keyword ("@id", "@type") for keyword aliases. */
  readonly iri: string;
  /** "@id", "@vocab", "@json", "@none" or an expanded datatype IRI, when the context gave @type. */
  readonly typeMapping?: string;
  /** "@list", "@set", "@language", "@index", … when the context gave @container. */
  readonly container?: readonly string[];
  /** True when "term:suffix" expands to iri + suffix (JSON-LD 1.1 prefix flag). */
  readonly isPrefix: boolean;
}

/** The mutable result of processing contexts in order: term definitions and the vocabulary mapping. */
export interface ContextState {
  readonly terms: Map<string, TermDefinition>;
  /** The @vocab set by the contexts processed so far; undefined when none was (or it was reset). */
  vocab: string | undefined;
}

/** An empty state, before any context was processed. */
export function emptyContextState(): ContextState {
  return { terms: new Map(), vocab: undefined };
}
