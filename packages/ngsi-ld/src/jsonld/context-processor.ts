import type { JsonValue } from '../entity/types.js';
import { canonicalJson } from './canonical-json.js';
import { CompiledContext } from './compiled-context.js';
import { coreContextState, getCoreContext } from './core-active-context.js';
import { CORE_CONTEXT_URL, CORE_VOCAB, isCoreContextUrl } from './core-context.js';
import { LruCache } from './lru-cache.js';
import { processUserContext } from './process-user-context.js';
import type { ActiveContext, ContextDefinition, ContextDocumentLoader } from './types.js';

export interface ContextProcessorOptions {
  /** Processed contexts kept (least recently used dropped first). Default 256. */
  maxEntries?: number;
  /** How many remote documents deep a context may reach. Default 8. */
  maxDepth?: number;
}

interface CacheEntry {
  context: Promise<ActiveContext>;
  /** Remote URLs the context used; undefined while it is being processed. */
  urls: ReadonlySet<string> | undefined;
}

/**
 * Turns a request's @context into an ActiveContext: user contexts in order, then the core last so
 * that core terms cannot be redefined (ETSI GS CIM 009 v1.8.1 §4.4, §5.5.7). Remote documents come
 * through the loader (core URLs never do). Results are cached by the canonical JSON of the
 * definition; concurrent requests for the same definition share one processing.
 *
 * We read the core's @vocab as the "fallback" §4.4 calls it: a user @vocab wins over it, where
 * processing the core literally last would silently discard it.
 * @example
 * const processor = new ContextProcessor(loader);
 * const context = await processor.resolve(['https://example.org/ctx.jsonld']);
 * context.expandTerm('temperature');
 */
export class ContextProcessor {
  readonly #load: ContextDocumentLoader;
  readonly #maxDepth: number;
  readonly #cache: LruCache<string, CacheEntry>;

  constructor(loader: ContextDocumentLoader, options: ContextProcessorOptions = {}) {
    this.#load = loader;
    this.#maxDepth = options.maxDepth ?? 8;
    this.#cache = new LruCache(options.maxEntries ?? 256);
  }

  /**
   * The processed context for a definition (undefined: no user context). Rejects with an
   * NgsiLdError: InvalidRequest/BadRequestData for a bad context, LdContextNotAvailable when a
   * remote document cannot be had. Failures are not cached.
   */
  resolve(definition: ContextDefinition | undefined): Promise<ActiveContext> {
    if (definition === undefined || isCoreOnly(definition)) {
      return Promise.resolve(getCoreContext());
    }
    const key = canonicalJson(definition);
    const cached = this.#cache.get(key);
    if (cached) return cached.context;
    // The promise below refers to its own entry, so the entry exists first and gets it next.
    const entry = { urls: undefined } as CacheEntry;
    entry.context = this.#process(definition).then(
      ({ context, urls }) => {
        entry.urls = urls;
        return context;
      },
      (error: unknown) => {
        if (this.#cache.peek(key) === entry) this.#cache.delete(key);
        throw error;
      },
    );
    this.#cache.set(key, entry);
    return entry.context;
  }

  /**
   * Drop every cached context that used a remote URL (directly or nested), e.g. after the broker
   * reloaded or deleted that context. Contexts still being processed are dropped too.
   * @example processor.invalidate('https://example.org/ctx.jsonld')
   */
  invalidate(url: string): void {
    const normalized = normalizeUrl(url);
    this.#cache.deleteWhere(
      (entry) => entry.urls === undefined || entry.urls.has(normalized) || entry.urls.has(url),
    );
  }

  async #process(
    definition: ContextDefinition,
  ): Promise<{ context: ActiveContext; urls: ReadonlySet<string> }> {
    const { state, urls } = await processUserContext(definition, {
      load: this.#load,
      maxDepth: this.#maxDepth,
    });
    const core = coreContextState();
    const terms = new Map(state.terms);
    for (const [term, termDefinition] of core.terms) terms.set(term, termDefinition);
    const context = new CompiledContext({
      terms,
      vocab: state.vocab ?? core.vocab ?? CORE_VOCAB,
      // A copy: the context outlives the request body it came from and is shared by later requests.
      definition: structuredClone(definition),
      linkUrl: linkUrlOf(definition),
      isCoreOnly: false,
    });
    return { context, urls };
  }
}

/** No user context: nothing, an empty array, or only core context URLs. */
function isCoreOnly(definition: ContextDefinition | null): boolean {
  // null is not a ContextDefinition, but a JSON body can carry "@context": null.
  if (definition === null) return true;
  if (typeof definition === 'string') return isCoreContextUrl(definition);
  return (
    Array.isArray(definition) &&
    definition.every((item: JsonValue) => typeof item === 'string' && isCoreContextUrl(item))
  );
}

/**
 * The URL for a Link header: the user's one context URL (core URLs aside), else the core URL.
 * An inline context has no URL of its own; returning it by Link needs the broker to host it.
 */
function linkUrlOf(definition: ContextDefinition): string {
  const items = (Array.isArray(definition) ? definition : [definition]).filter(
    (item) => !(typeof item === 'string' && isCoreContextUrl(item)),
  );
  const [only] = items;
  return items.length === 1 && typeof only === 'string' ? only : CORE_CONTEXT_URL;
}

function normalizeUrl(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}
