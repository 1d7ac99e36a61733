import type { JsonObject, JsonValue } from '../entity/types.js';
import { isNgsiLdError, NgsiLdError } from '../errors/ngsi-ld-error.js';
import { applyContextObject } from './apply-context-object.js';
import { CORE_CONTEXT_DOCUMENT, CORE_VOCAB, isCoreContextUrl } from './core-context.js';
import { emptyContextState, type ContextState } from './term-definition.js';
import type { ContextDefinition, ContextDocumentLoader } from './types.js';

export interface ProcessUserContextOptions {
  load: ContextDocumentLoader;
  /** How many remote documents deep a context may reach (a → b → c is depth 3). */
  maxDepth: number;
}

/** The terms and @vocab of a request's own contexts, and every remote URL they used. */
export interface ProcessedUserContext {
  state: ContextState;
  urls: ReadonlySet<string>;
}

/** Where the walk is: the remote documents being processed (outermost first). */
interface Frame {
  chain: readonly string[];
  isTopLevel: boolean;
}

/**
 * Process the user part of a @context in order: arrays (nested too), remote documents (their own
 * @context may be a URL, an array or an object), inline objects and @import. Core context URLs are
 * skipped: the caller adds the core last (ETSI GS CIM 009 §4.4).
 * @example const { state, urls } = await processUserContext(['https://example.org/ctx.jsonld'], { load, maxDepth: 8 })
 */
export async function processUserContext(
  definition: ContextDefinition,
  options: ProcessUserContextOptions,
): Promise<ProcessedUserContext> {
  const walker = new ContextWalker(options);
  await walker.walk(definition, { chain: [], isTopLevel: true });
  return { state: walker.state, urls: walker.urls };
}

class ContextWalker {
  readonly state = emptyContextState();
  readonly urls = new Set<string>();

  constructor(readonly options: ProcessUserContextOptions) {}

  async walk(value: JsonValue | undefined, frame: Frame): Promise<void> {
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) {
        // A leading null resets nothing (nothing was processed yet); JSON-LD allows it there.
        if (item === null && frame.isTopLevel && index === 0) continue;
        await this.walk(item, { ...frame, isTopLevel: false });
      }
    } else if (typeof value === 'string') {
      const url = resolveUrl(value, frame);
      if (isCoreContextUrl(url)) return;
      const document = await this.#fetch(url, frame);
      await this.walk(document['@context'], { chain: [...frame.chain, url], isTopLevel: false });
    } else if (typeof value === 'object' && value !== null) {
      const local = '@import' in value ? await this.#withImport(value, frame) : value;
      applyContextObject(this.state, local, { fallbackVocab: CORE_VOCAB, source: sourceOf(frame) });
    } else if (value === null) {
      throw new NgsiLdError(
        'InvalidRequest',
        `@context must not hold null here: it would reset the @context${sourceOf(frame)}`,
      );
    } else {
      throw new NgsiLdError(
        'InvalidRequest',
        `@context is invalid: each entry must be a URL, an object or an array (got ${JSON.stringify(value ?? null)})${sourceOf(frame)}`,
      );
    }
  }

  /** JSON-LD 1.1 @import: the imported context object, overridden by the local one's members. */
  async #withImport(local: JsonObject, frame: Frame): Promise<JsonObject> {
    const { '@import': reference, ...rest } = local;
    if (typeof reference !== 'string') {
      throw new NgsiLdError(
        'InvalidRequest',
        `@context member '@import' is invalid: must be a URL${sourceOf(frame)}`,
      );
    }
    const url = resolveUrl(reference, frame);
    const imported = isCoreContextUrl(url)
      ? CORE_CONTEXT_DOCUMENT['@context']
      : (await this.#fetch(url, frame))['@context'];
    if (
      typeof imported !== 'object' ||
      imported === null ||
      Array.isArray(imported) ||
      '@import' in imported
    ) {
      throw new NgsiLdError(
        'InvalidRequest',
        `@context member '@import' is invalid: ${url} must hold one context object without @import${sourceOf(frame)}`,
      );
    }
    return { ...imported, ...rest };
  }

  async #fetch(url: string, frame: Frame): Promise<JsonObject> {
    if (frame.chain.includes(url)) {
      throw new NgsiLdError(
        'InvalidRequest',
        `@context ${url} includes itself: ${[...frame.chain, url].join(' → ')}`,
      );
    }
    if (frame.chain.length >= this.options.maxDepth) {
      throw new NgsiLdError(
        'InvalidRequest',
        `@context ${url} is nested more than ${this.options.maxDepth} remote documents deep: ${frame.chain.join(' → ')}`,
      );
    }
    this.urls.add(url);
    let document: JsonValue;
    try {
      document = await this.options.load(url);
    } catch (error) {
      if (isNgsiLdError(error)) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new NgsiLdError(
        'LdContextNotAvailable',
        `@context ${url} could not be retrieved: ${reason}`,
      );
    }
    if (
      typeof document !== 'object' ||
      document === null ||
      Array.isArray(document) ||
      !('@context' in document)
    ) {
      throw new NgsiLdError(
        'InvalidRequest',
        `@context document ${url} is invalid: must be a JSON object with an '@context' member`,
      );
    }
    return document;
  }
}

/** Absolute http(s) URL of a context reference; relative ones resolve against the document holding them. */
function resolveUrl(reference: string, frame: Frame): string {
  const base = frame.chain.at(-1);
  let url: URL;
  try {
    url = new URL(reference, base);
  } catch {
    throw new NgsiLdError(
      'InvalidRequest',
      `@context entry '${reference}' is invalid: must be an absolute URL${sourceOf(frame)}`,
    );
  }
  // Only web URLs: the loader must never be asked for file:, data: or other local schemes.
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new NgsiLdError(
      'InvalidRequest',
      `@context entry '${reference}' is invalid: must be an http or https URL${sourceOf(frame)}`,
    );
  }
  return url.href;
}

function sourceOf(frame: Frame): string {
  const current = frame.chain.at(-1);
  return current === undefined ? '' : ` (in ${current})`;
}
