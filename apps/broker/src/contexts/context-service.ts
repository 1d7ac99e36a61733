import { createHash, randomUUID } from 'node:crypto';
import {
  CORE_CONTEXT_DOCUMENT,
  ContextProcessor,
  NgsiLdError,
  isCoreContextUrl,
  type ActiveContext,
  type ContextDefinition,
  type JsonObject,
  type JsonValue,
} from '@legocity/ngsi-ld';
import { fetchContextDocument } from './fetch-context.js';
import type { ContextKind, ContextStore, StoredContext } from './context-store.js';

export interface ContextServiceOptions {
  /** Base URL clients reach this broker at; hosted contexts are served below it. */
  publicUrl: string;
  fetchTimeoutMs: number;
  maxContextBytes: number;
  fetch?: typeof fetch;
}

/**
 * JSON-LD @context handling for the broker (§5.5.7, §5.13): resolves request contexts (core
 * shipped, remote ones fetched once and persisted), hosts user contexts, and serves them.
 */
export class ContextService {
  private processor: ContextProcessor;
  private readonly documents = new Map<string, JsonValue>();
  private readonly inFlight = new Map<string, Promise<JsonValue>>();
  private readonly hostedPrefix: string;

  constructor(
    private readonly store: ContextStore,
    private readonly options: ContextServiceOptions,
  ) {
    this.hostedPrefix = `${options.publicUrl.replace(/\/$/, '')}/ngsi-ld/v1/jsonldContexts/`;
    this.processor = this.newProcessor();
  }

  /** Forget every document and processed context held in memory (a restore replaced them). */
  forgetAll(): void {
    this.documents.clear();
    this.processor = this.newProcessor();
  }

  /** The processed context of a request (undefined = core only). */
  resolve(definition: ContextDefinition | undefined): Promise<ActiveContext> {
    return this.processor.resolve(definition);
  }

  /** The URL for a Link header: the client's URL, or a stored ImplicitlyCreated copy of an inline context. */
  async linkUrl(context: ActiveContext): Promise<string> {
    if (context.isCoreOnly || typeof context.definition === 'string') return context.linkUrl;
    const id = `implicit-${createHash('sha256').update(JSON.stringify(context.definition)).digest('hex').slice(0, 32)}`;
    const url = this.hostedPrefix + id;
    if (!this.documents.has(url)) {
      const body = { '@context': context.definition } as JsonObject;
      await this.store.save({ id, url, kind: 'ImplicitlyCreated', body });
      this.documents.set(url, body);
    }
    return url;
  }

  /** Add @context (§5.13.2): host a context document; returns its URL. */
  async add(document: unknown): Promise<StoredContext> {
    if (
      typeof document !== 'object' ||
      document === null ||
      Array.isArray(document) ||
      !('@context' in document)
    ) {
      throw new NgsiLdError(
        'BadRequestData',
        'The body must be a JSON object with an "@context" member',
        { field: '@context' },
      );
    }
    const definition = (document as JsonObject)['@context'] as ContextDefinition;
    await this.processor.resolve(definition); // rejects invalid contexts before storing them
    const id = randomUUID();
    const url = this.hostedPrefix + id;
    await this.store.save({ id, url, kind: 'Hosted', body: document as JsonObject });
    return (await this.store.byId(id)) as StoredContext;
  }

  list(kind?: ContextKind): Promise<StoredContext[]> {
    return this.store.list(kind);
  }

  /** Serve @context (§5.13.4): by local id, or by original URL for Cached ones. */
  async find(idOrUrl: string): Promise<StoredContext> {
    const found = (await this.store.byId(idOrUrl)) ?? (await this.store.byUrl(idOrUrl));
    if (!found)
      throw new NgsiLdError(
        'ResourceNotFound',
        `@context ${idOrUrl} is not stored in this broker`,
        { field: 'contextId' },
      );
    return found;
  }

  /** Delete and Reload @context (§5.13.5). */
  async delete(idOrUrl: string, reload: boolean): Promise<void> {
    const found = await this.find(idOrUrl);
    if (reload) {
      if (found.kind !== 'Cached') {
        throw new NgsiLdError(
          'BadRequestData',
          `@context ${idOrUrl} is ${found.kind}, only Cached contexts can be reloaded`,
          {
            field: 'reload',
          },
        );
      }
      // §5.13.5.4: download and check the new document first; on any failure the old one stays.
      const body = await fetchContextDocument(found.url, this.fetchOptions());
      await this.checkDocument(found.url, body);
      await this.store.save({ ...found, body });
      this.documents.set(found.url, body);
      this.processor.invalidate(found.url);
      return;
    }
    await this.store.delete(found.id);
    this.documents.delete(found.url);
    this.processor.invalidate(found.url);
  }

  /**
   * Process a downloaded document as a context, with a throwaway processor so that no cache sees
   * it before it is accepted. An invalid one is LdContextNotAvailable naming the problem (§5.13.5.4).
   */
  private async checkDocument(url: string, body: JsonValue): Promise<void> {
    const trial = new ContextProcessor(
      (candidate) => (candidate === url ? Promise.resolve(body) : this.load(candidate)),
      {
        maxEntries: 1,
      },
    );
    try {
      await trial.resolve(url);
    } catch (error) {
      if (!(error instanceof NgsiLdError) || error.errorType === 'LdContextNotAvailable')
        throw error;
      throw new NgsiLdError(
        'LdContextNotAvailable',
        `@context ${url} was downloaded but is not a valid @context: ${error.message}`,
        {
          field: '@context',
        },
      );
    }
  }

  /** The document loader behind the processor: memory, then database, then the network. */
  private async load(url: string): Promise<JsonValue> {
    if (isCoreContextUrl(url)) return CORE_CONTEXT_DOCUMENT;
    const known = this.documents.get(url);
    if (known !== undefined) return known;
    let pending = this.inFlight.get(url);
    if (!pending) {
      pending = this.loadOnce(url).finally(() => this.inFlight.delete(url));
      this.inFlight.set(url, pending);
    }
    return pending;
  }

  private async loadOnce(url: string): Promise<JsonValue> {
    const stored = url.startsWith(this.hostedPrefix)
      ? await this.store.byId(url.slice(this.hostedPrefix.length))
      : await this.store.byUrl(url);
    if (stored) {
      this.documents.set(url, stored.body);
      return stored.body;
    }
    if (url.startsWith(this.hostedPrefix)) {
      throw new NgsiLdError(
        'LdContextNotAvailable',
        `@context ${url} is not hosted by this broker`,
        { field: '@context' },
      );
    }
    const body = await fetchContextDocument(url, this.fetchOptions());
    await this.store.save({ id: randomUUID(), url, kind: 'Cached', body });
    this.documents.set(url, body);
    return body;
  }

  private newProcessor(): ContextProcessor {
    return new ContextProcessor((url) => this.load(url), { maxEntries: 500 });
  }

  private fetchOptions() {
    return {
      timeoutMs: this.options.fetchTimeoutMs,
      maxBytes: this.options.maxContextBytes,
      fetch: this.options.fetch,
    };
  }
}
