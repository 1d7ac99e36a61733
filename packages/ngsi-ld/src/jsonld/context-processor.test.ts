import { describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue } from '../entity/types.js';
import { NgsiLdError } from '../errors/ngsi-ld-error.js';
import { ContextProcessor } from './context-processor.js';
import { CORE_CONTEXT_URL } from './core-context.js';

const DEFAULT = 'https://uri.etsi.org/ngsi-ld/default-context/';
const WEATHER = 'https://smartdatamodels.org/dataModel.Weather/';
const CTX = 'https://example.org/ctx/';

/** A loader over in-memory documents that records every URL asked for. */
function fakeLoader(documents: Record<string, JsonValue>) {
  const calls: string[] = [];
  const load = (url: string): Promise<JsonValue> => {
    calls.push(url);
    const document = documents[url];
    if (document === undefined) {
      return Promise.reject(
        new NgsiLdError('LdContextNotAvailable', `@context ${url} could not be retrieved`),
      );
    }
    return Promise.resolve(document);
  };
  return { load, calls };
}

function processor(documents: Record<string, JsonValue> = {}) {
  const loader = fakeLoader(documents);
  return { processor: new ContextProcessor(loader.load), calls: loader.calls };
}

/** A Smart Data Models-style context for WeatherObserved. */
function weatherContext(): JsonObject {
  return {
    schema: 'https://schema.org/',
    WeatherObserved: `${WEATHER}WeatherObserved`,
    temperature: `${WEATHER}temperature`,
    address: 'schema:address',
    refDevice: { '@id': `${WEATHER}refDevice`, '@type': '@id' },
  };
}

async function rejection(promise: Promise<unknown>): Promise<NgsiLdError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof NgsiLdError)) {
    throw new Error(`expected an NgsiLdError, got ${String(error)}`);
  }
  return error;
}

describe('ContextProcessor.resolve', () => {
  it('returns the core-only context for no context, an empty array or core URLs', async () => {
    const { processor: p, calls } = processor();
    const core = await p.resolve(undefined);
    expect(core.isCoreOnly).toBe(true);
    expect(await p.resolve([])).toBe(core);
    expect(
      await p.resolve('https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.3.jsonld'),
    ).toBe(core);
    expect(await p.resolve(['http://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context.jsonld'])).toBe(
      core,
    );
    expect(calls).toEqual([]);
  });

  it('expands and compacts with an inline user context', async () => {
    const context = await processor().processor.resolve(weatherContext());
    expect(context.expandTerm('WeatherObserved')).toBe(`${WEATHER}WeatherObserved`);
    expect(context.compactIri(`${WEATHER}WeatherObserved`)).toBe('WeatherObserved');
    expect(context.expandTerm('address')).toBe('https://schema.org/address');
    expect(context.expandTerm('schema:name')).toBe('https://schema.org/name');
    expect(context.compactIri('https://schema.org/name')).toBe('schema:name');
    expect(context.expandTerm('refDevice')).toBe(`${WEATHER}refDevice`);
    expect(context.expandTerm('humidity')).toBe(`${DEFAULT}humidity`);
    expect(context.isCoreOnly).toBe(false);
  });

  it('compacts to the shortest, then lexicographically least, of several terms for one IRI', async () => {
    const iri = 'https://example.org/temperature';
    const context = await processor().processor.resolve({ temperature: iri, tmp: iri, tem: iri });
    expect(context.compactIri(iri)).toBe('tem');
  });

  it('compacts with the longest matching prefix', async () => {
    const context = await processor().processor.resolve({
      ex: 'https://example.org/',
      exw: 'https://example.org/weather/',
    });
    expect(context.compactIri('https://example.org/weather/rain')).toBe('exw:rain');
  });

  it('keeps core terms even when a user context redefines them', async () => {
    const context = await processor().processor.resolve({
      location: 'https://example.org/myLocation',
      id: 'https://example.org/id',
    });
    expect(context.expandTerm('location')).toBe('https://uri.etsi.org/ngsi-ld/location');
    expect(context.compactIri('https://uri.etsi.org/ngsi-ld/location')).toBe('location');
  });

  it('processes arrays in order, later definitions winning', async () => {
    const context = await processor().processor.resolve([
      { speed: 'https://example.org/a/speed' },
      { speed: 'https://example.org/b/speed' },
      CORE_CONTEXT_URL,
    ]);
    expect(context.expandTerm('speed')).toBe('https://example.org/b/speed');
  });

  it('follows remote documents whose @context is a URL, an array or an object', async () => {
    const { processor: p, calls } = processor({
      [`${CTX}top.jsonld`]: { '@context': [`${CTX}weather.jsonld`, `${CTX}alias.jsonld`] },
      [`${CTX}weather.jsonld`]: { '@context': weatherContext() },
      [`${CTX}alias.jsonld`]: { '@context': `${CTX}alias-terms.jsonld` },
      [`${CTX}alias-terms.jsonld`]: { '@context': { temp: 'temperature' } },
    });
    const context = await p.resolve(`${CTX}top.jsonld`);
    expect(context.expandTerm('WeatherObserved')).toBe(`${WEATHER}WeatherObserved`);
    // "temp" is defined by a later document in terms of "temperature" from an earlier one.
    expect(context.expandTerm('temp')).toBe(`${WEATHER}temperature`);
    expect(calls).toEqual([
      `${CTX}top.jsonld`,
      `${CTX}weather.jsonld`,
      `${CTX}alias.jsonld`,
      `${CTX}alias-terms.jsonld`,
    ]);
  });

  it('resolves relative context URLs against the document that holds them', async () => {
    const { processor: p } = processor({
      [`${CTX}top.jsonld`]: { '@context': 'weather.jsonld' },
      [`${CTX}weather.jsonld`]: { '@context': weatherContext() },
    });
    expect((await p.resolve(`${CTX}top.jsonld`)).expandTerm('WeatherObserved')).toBe(
      `${WEATHER}WeatherObserved`,
    );
  });

  it('never fetches core context URLs found inside remote documents', async () => {
    const { processor: p, calls } = processor({
      [`${CTX}weather.jsonld`]: {
        '@context': [
          weatherContext(),
          'https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.6.jsonld',
        ],
      },
    });
    await p.resolve(`${CTX}weather.jsonld`);
    expect(calls).toEqual([`${CTX}weather.jsonld`]);
  });

  it('loads @import and lets the local members override the imported ones', async () => {
    const { processor: p } = processor({
      [`${CTX}weather.jsonld`]: { '@context': weatherContext() },
    });
    const context = await p.resolve({
      '@import': `${CTX}weather.jsonld`,
      temperature: 'https://example.org/temperature',
    });
    expect(context.expandTerm('WeatherObserved')).toBe(`${WEATHER}WeatherObserved`);
    expect(context.expandTerm('temperature')).toBe('https://example.org/temperature');
  });

  it('lets a user @vocab replace the default vocabulary, in both directions', async () => {
    const context = await processor().processor.resolve({ '@vocab': 'https://example.org/terms/' });
    expect(context.expandTerm('speed')).toBe('https://example.org/terms/speed');
    expect(context.compactIri('https://example.org/terms/speed')).toBe('speed');
    expect(context.expandTerm('location')).toBe('https://uri.etsi.org/ngsi-ld/location');
  });

  it('appends a relative @vocab to the vocabulary in effect', async () => {
    const nested = await processor().processor.resolve([
      { '@vocab': 'https://example.org/' },
      { '@vocab': 'terms/' },
    ]);
    expect(nested.expandTerm('speed')).toBe('https://example.org/terms/speed');
    const empty = await processor().processor.resolve({ '@vocab': '' });
    expect(empty.expandTerm('speed')).toBe(`${DEFAULT}speed`);
  });

  it('accepts @version 1.1, @protected and @base without letting them change names', async () => {
    const context = await processor().processor.resolve({
      '@version': 1.1,
      '@protected': true,
      '@base': 'https://example.org/',
      speed: { '@id': 'https://example.org/speed', '@protected': true },
    });
    expect(context.expandTerm('speed')).toBe('https://example.org/speed');
  });

  it('uses the one user URL as link and the core URL otherwise', async () => {
    const { processor: p } = processor({
      [`${CTX}weather.jsonld`]: { '@context': weatherContext() },
    });
    expect((await p.resolve(`${CTX}weather.jsonld`)).linkUrl).toBe(`${CTX}weather.jsonld`);
    expect((await p.resolve([`${CTX}weather.jsonld`, CORE_CONTEXT_URL])).linkUrl).toBe(
      `${CTX}weather.jsonld`,
    );
    expect((await p.resolve(weatherContext())).linkUrl).toBe(CORE_CONTEXT_URL);
  });

  it('returns the definition as the client sent it', async () => {
    const definition = [weatherContext(), CORE_CONTEXT_URL];
    expect((await processor().processor.resolve(definition)).definition).toEqual(definition);
  });
});

describe('ContextProcessor cache', () => {
  it('does not call the loader again for a cached definition', async () => {
    const { processor: p, calls } = processor({
      [`${CTX}weather.jsonld`]: { '@context': weatherContext() },
    });
    const first = await p.resolve([`${CTX}weather.jsonld`]);
    const second = await p.resolve([`${CTX}weather.jsonld`]);
    expect(second).toBe(first);
    expect(calls).toHaveLength(1);
  });

  it('shares one cache entry between definitions that differ only in member order', async () => {
    const { processor: p } = processor();
    const first = await p.resolve({ a: 'https://example.org/a', b: 'https://example.org/b' });
    expect(await p.resolve({ b: 'https://example.org/b', a: 'https://example.org/a' })).toBe(first);
  });

  it('shares one processing between concurrent requests', async () => {
    const { processor: p, calls } = processor({
      [`${CTX}weather.jsonld`]: { '@context': weatherContext() },
    });
    const [first, second] = await Promise.all([
      p.resolve(`${CTX}weather.jsonld`),
      p.resolve(`${CTX}weather.jsonld`),
    ]);
    expect(second).toBe(first);
    expect(calls).toHaveLength(1);
  });

  it('drops the contexts that used a URL when it is invalidated, nested ones included', async () => {
    const { processor: p, calls } = processor({
      [`${CTX}top.jsonld`]: { '@context': `${CTX}weather.jsonld` },
      [`${CTX}weather.jsonld`]: { '@context': weatherContext() },
    });
    const before = await p.resolve(`${CTX}top.jsonld`);
    const unrelated = await p.resolve({ speed: 'https://example.org/speed' });
    p.invalidate(`${CTX}weather.jsonld`);
    expect(await p.resolve(`${CTX}top.jsonld`)).not.toBe(before);
    expect(await p.resolve({ speed: 'https://example.org/speed' })).toBe(unrelated);
    expect(calls).toHaveLength(4);
  });

  it('evicts the least recently used context past maxEntries', async () => {
    const p = new ContextProcessor(fakeLoader({}).load, { maxEntries: 2 });
    const a = await p.resolve({ a: 'https://example.org/a' });
    await p.resolve({ b: 'https://example.org/b' });
    await p.resolve({ a: 'https://example.org/a' });
    await p.resolve({ c: 'https://example.org/c' });
    expect(await p.resolve({ a: 'https://example.org/a' })).toBe(a);
  });

  it('does not cache failures', async () => {
    const documents: Record<string, JsonValue> = {};
    const { processor: p } = processor(documents);
    await rejection(p.resolve(`${CTX}late.jsonld`));
    documents[`${CTX}late.jsonld`] = { '@context': weatherContext() };
    expect((await p.resolve(`${CTX}late.jsonld`)).expandTerm('WeatherObserved')).toBe(
      `${WEATHER}WeatherObserved`,
    );
  });
});

describe('ContextProcessor errors', () => {
  it('propagates a loader failure as LdContextNotAvailable (503)', async () => {
    const error = await rejection(processor().processor.resolve(`${CTX}missing.jsonld`));
    expect(error.errorType).toBe('LdContextNotAvailable');
    expect(error.status).toBe(503);
  });

  it('wraps a loader that throws something else as LdContextNotAvailable', async () => {
    const p = new ContextProcessor(() => Promise.reject(new Error('connect ECONNREFUSED')));
    const error = await rejection(p.resolve(`${CTX}down.jsonld`));
    expect(error.errorType).toBe('LdContextNotAvailable');
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('reports a cycle between remote documents', async () => {
    const { processor: p } = processor({
      [`${CTX}a.jsonld`]: { '@context': `${CTX}b.jsonld` },
      [`${CTX}b.jsonld`]: { '@context': [`${CTX}a.jsonld`] },
    });
    const error = await rejection(p.resolve(`${CTX}a.jsonld`));
    expect(error.errorType).toBe('InvalidRequest');
    expect(error.message).toContain(`${CTX}a.jsonld → ${CTX}b.jsonld → ${CTX}a.jsonld`);
  });

  it('reports remote documents nested deeper than the limit', async () => {
    const documents: Record<string, JsonValue> = {};
    for (let i = 0; i < 5; i++)
      documents[`${CTX}${i}.jsonld`] = { '@context': `${CTX}${i + 1}.jsonld` };
    const p = new ContextProcessor(fakeLoader(documents).load, { maxDepth: 3 });
    const error = await rejection(p.resolve(`${CTX}0.jsonld`));
    expect(error.message).toContain('more than 3 remote documents deep');
  });

  it.each([
    ['a term mapped to a number', { speed: 42 }, "@context member 'speed' is invalid"],
    ['a context that is a number', [42], 'each entry must be a URL, an object or an array'],
    ['a null in the middle', [{ a: 'https://example.org/a' }, null], 'must not hold null'],
    [
      'an unknown term definition key',
      { speed: { '@id': 'https://example.org/speed', unit: 'km' } },
      "has 'unit'",
    ],
    [
      'a term that expands to no IRI',
      { '@vocab': null, speed: { '@id': '@nothing' } },
      "@context member 'speed' is invalid",
    ],
    ['@version 1.0', { '@version': 1.0 }, "@context member '@version' is invalid"],
    ['a nested @context', { '@context': { a: 'https://example.org/a' } }, 'keyword redefinition'],
    ['a cyclic IRI mapping', { a: 'b:x', b: 'a:y' }, 'cyclic IRI mapping'],
    ['a non-web context URL', 'file:///etc/passwd', 'must be an http or https URL'],
    ['a relative context URL at top level', 'ctx.jsonld', 'must be an absolute URL'],
  ])('rejects %s as InvalidRequest', async (_name, definition, message) => {
    const error = await rejection(processor().processor.resolve(definition as JsonObject));
    expect(error.errorType).toBe('InvalidRequest');
    expect(error.message).toContain(message);
  });

  it('rejects a scoped context in a user term as BadRequestData', async () => {
    const definition = {
      address: {
        '@id': 'https://schema.org/address',
        '@context': { street: 'https://schema.org/street' },
      },
    };
    const error = await rejection(processor().processor.resolve(definition));
    expect(error.errorType).toBe('BadRequestData');
    expect(error.message).toContain('scoped contexts');
  });

  it('names the remote document at fault', async () => {
    const { processor: p } = processor({ [`${CTX}bad.jsonld`]: { '@context': { speed: true } } });
    const error = await rejection(p.resolve(`${CTX}bad.jsonld`));
    expect(error.message).toContain(`(in ${CTX}bad.jsonld)`);
  });

  it('rejects a remote document without an @context member', async () => {
    const { processor: p } = processor({
      [`${CTX}plain.jsonld`]: { speed: 'https://example.org/speed' },
    });
    const error = await rejection(p.resolve(`${CTX}plain.jsonld`));
    expect(error.message).toContain("must be a JSON object with an '@context' member");
  });
});
