import type { JsonObject, JsonValue } from '../entity/types.js';
import { NgsiLdError } from '../errors/ngsi-ld-error.js';
import { endsWithGenDelim, hasIriForm, KEYWORDS } from './iri.js';
import type { ContextState, TermDefinition } from './term-definition.js';

/** Where a context object came from, for error messages, and what relative IRIs resolve against. */
export interface ApplyOptions {
  /** Vocabulary used when no context set @vocab yet: the core's default vocabulary. */
  fallbackVocab: string;
  /** Appended to messages to say which document was at fault, e.g. " (in https://…/ctx.jsonld)". */
  source: string;
}

const TERM_KEYS = new Set([
  '@id',
  '@type',
  '@container',
  '@prefix',
  '@protected',
  '@language',
  '@direction',
  '@nest',
  '@index',
]);
const TYPE_KEYWORDS = new Set(['@id', '@vocab', '@json', '@none']);
const CONTAINERS = new Set(['@list', '@set', '@index', '@language', '@id', '@type', '@graph']);

/** The parts of an expanded term definition that do not depend on its IRI. */
interface DefinitionExtras {
  isSimple: boolean;
  prefix?: boolean | undefined;
  typeMapping?: string | undefined;
  container?: string[] | undefined;
}

/**
 * Creates the term definitions of one local context (JSON-LD 1.1 API §4.2 "Create Term
 * Definition"), defining the terms a definition depends on first, whatever their order.
 * @example new TermDefiner(state, { name: 'schema:name', schema: 'https://schema.org/' }, options).define('name')
 */
export class TermDefiner {
  /** term → true once defined, false while being defined (to detect cycles). */
  readonly #defined = new Map<string, boolean>();

  constructor(
    readonly state: ContextState,
    readonly local: JsonObject,
    readonly options: ApplyOptions,
  ) {}

  define(term: string): void {
    const status = this.#defined.get(term);
    if (status === true) return;
    if (status === false) {
      throw invalidMember(
        term,
        'is defined in terms of itself (a cyclic IRI mapping)',
        this.options,
      );
    }
    this.#defined.set(term, false);
    const value = this.local[term];
    const definition = value === null ? undefined : this.#createDefinition(term, value);
    // A null definition (or "@id": null) removes the term: it then expands through @vocab again.
    if (definition) this.state.terms.set(term, definition);
    else this.state.terms.delete(term);
    this.#defined.set(term, true);
  }

  /** JSON-LD 1.1 IRI expansion during context processing, consulting the local context first. */
  expandIri(value: string, vocab: boolean): string {
    if (value.startsWith('@')) return value;
    if (this.#isLocal(value)) this.define(value);
    const term = vocab ? this.state.terms.get(value) : undefined;
    if (term) return term.iri;
    const colon = value.indexOf(':');
    if (colon > 0) {
      const prefix = value.slice(0, colon);
      const suffix = value.slice(colon + 1);
      if (prefix === '_' || suffix.startsWith('//')) return value;
      if (this.#isLocal(prefix)) this.define(prefix);
      const prefixTerm = this.state.terms.get(prefix);
      return prefixTerm?.isPrefix ? prefixTerm.iri + suffix : value;
    }
    return vocab ? (this.state.vocab ?? this.options.fallbackVocab) + value : value;
  }

  #createDefinition(term: string, value: JsonValue | undefined): TermDefinition | undefined {
    if (typeof value === 'string') return this.#withIri(term, value, { isSimple: true });
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw invalidMember(
        term,
        `must be a string, null or an object (got ${describe(value)})`,
        this.options,
      );
    }
    this.#checkKeys(term, value);
    const id = value['@id'];
    if (id === null) return undefined;
    if (id !== undefined && typeof id !== 'string') {
      throw invalidMember(term, "has an '@id' that is not a string", this.options);
    }
    const prefix = value['@prefix'];
    if (prefix !== undefined && typeof prefix !== 'boolean') {
      throw invalidMember(term, "has an '@prefix' that is not a boolean", this.options);
    }
    return this.#withIri(term, id, {
      isSimple: false,
      prefix,
      typeMapping: this.#typeMapping(term, value['@type']),
      container: this.#container(term, value['@container']),
    });
  }

  #checkKeys(term: string, value: JsonObject): void {
    for (const key of Object.keys(value)) {
      if (key === '@context') {
        throw new NgsiLdError(
          'BadRequestData',
          `@context member '${term}' is invalid: a user @context must not hold scoped contexts (ETSI GS CIM 009 §4.4)${this.options.source}`,
        );
      }
      if (key === '@reverse') {
        throw invalidMember(term, 'uses @reverse, which NGSI-LD names cannot use', this.options);
      }
      if (!TERM_KEYS.has(key)) {
        throw invalidMember(
          term,
          `has '${key}', which is not a term definition keyword`,
          this.options,
        );
      }
    }
  }

  #withIri(term: string, id: string | undefined, extras: DefinitionExtras): TermDefinition {
    let iri: string;
    // "@id" equal to the term itself means "no @id" (JSON-LD 1.1 §4.2.2 step 14), which is how the
    // core maps "attributeCount" to its default vocabulary.
    if (id !== undefined && id !== term) iri = this.expandIri(id, true);
    else if (term.includes(':')) iri = this.expandIri(term, true);
    else iri = (this.state.vocab ?? this.options.fallbackVocab) + term;
    if (iri.startsWith('@') ? !KEYWORDS.has(iri) || iri === '@context' : !hasIriForm(iri)) {
      const rule = `maps to ${JSON.stringify(id)}, which does not expand to an absolute IRI or a keyword`;
      throw invalidMember(term, rule, this.options);
    }
    const isPlainTerm = !term.includes(':') && !term.includes('/');
    const isPrefix = extras.prefix ?? (extras.isSimple && isPlainTerm && endsWithGenDelim(iri));
    const definition: { -readonly [K in keyof TermDefinition]: TermDefinition[K] } = {
      iri,
      isPrefix,
    };
    if (extras.typeMapping !== undefined) definition.typeMapping = extras.typeMapping;
    if (extras.container !== undefined) definition.container = extras.container;
    return definition;
  }

  #typeMapping(term: string, type: JsonValue | undefined): string | undefined {
    if (type === undefined) return undefined;
    if (typeof type !== 'string') {
      throw invalidMember(term, "has an '@type' that is not a string", this.options);
    }
    if (TYPE_KEYWORDS.has(type)) return type;
    const iri = this.expandIri(type, true);
    if (!hasIriForm(iri)) {
      throw invalidMember(
        term,
        `has an '@type' (${type}) that is not an IRI or @id, @vocab, @json`,
        this.options,
      );
    }
    return iri;
  }

  #container(term: string, container: JsonValue | undefined): string[] | undefined {
    if (container === undefined || container === null) return undefined;
    const values = Array.isArray(container) ? container : [container];
    if (values.every((c): c is string => typeof c === 'string' && CONTAINERS.has(c))) return values;
    throw invalidMember(
      term,
      `has an '@container' that is not one of ${[...CONTAINERS].join(', ')}`,
      this.options,
    );
  }

  #isLocal(term: string): boolean {
    return (
      Object.hasOwn(this.local, term) && !term.startsWith('@') && this.#defined.get(term) !== true
    );
  }
}

/**
 * The InvalidRequest for a context member that breaks a rule.
 * @example invalidMember('speed', 'must be a string', options) // "@context member 'speed' is invalid: must be a string"
 */
export function invalidMember(member: string, rule: string, options: ApplyOptions): NgsiLdError {
  return new NgsiLdError(
    'InvalidRequest',
    `@context member '${member}' is invalid: ${rule}${options.source}`,
  );
}

function describe(value: JsonValue | undefined): string {
  if (Array.isArray(value)) return 'an array';
  return value === undefined ? 'nothing' : `a ${typeof value}`;
}
