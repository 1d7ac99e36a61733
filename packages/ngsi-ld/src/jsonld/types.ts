import type { JsonObject, JsonValue } from '../entity/types.js';

/** A @context as found in a request: a URL, an inline object, or an array of those. */
export type ContextDefinition = string | JsonObject | Array<string | JsonObject>;

/**
 * Fetches the JSON document behind a remote @context URL. The broker supplies one that adds a
 * short timeout, a cache and persistence; core context URLs never reach it.
 * Must throw NgsiLdError('LdContextNotAvailable', ...) when the document cannot be had.
 */
export type ContextDocumentLoader = (url: string) => Promise<JsonValue>;

/**
 * A processed @context: the terms of the request's context with the NGSI-LD core context
 * processed last (so core terms cannot be redefined), ready to expand and compact names.
 */
export interface ActiveContext {
  /** Expand an attribute name or entity type: term, compact IRI (prefix:suffix), IRI, or @vocab. */
  expandTerm(term: string): string;
  /** Compact an expanded IRI back to the shortest term or compact IRI this context allows. */
  compactIri(iri: string): string;
  /** Expand a value of a VocabProperty / a term-typed value (`@type: @vocab`). */
  expandVocabValue(value: string): string;
  /** Compact a vocab value (inverse of expandVocabValue). */
  compactVocabValue(iri: string): string;
  /** The @context to return in application/ld+json bodies (as the client sent it, or the core URL). */
  readonly definition: ContextDefinition;
  /**
   * URL for the Link header of application/json responses: the client's one context URL (core
   * URLs aside), else the core URL. An inline context has no URL; to point a Link header at it the
   * broker would have to host it (a stored @context, ETSI GS CIM 009 §5.13).
   */
  readonly linkUrl: string;
  /** True when the request carried no user context. */
  readonly isCoreOnly: boolean;
}
