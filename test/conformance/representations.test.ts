import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBroker, type TestBroker } from '../../apps/broker/src/testing/test-broker.js';
import { testDrivers } from '../../apps/broker/src/testing/test-database.js';
import {
  CORE_CONTEXT,
  client,
  entity,
  expectProblem,
  geoProperty,
  languageProperty,
  linkTo,
  linkedContext,
  point,
  property,
  relationship,
  square,
  urn,
  type Body,
  type Client,
} from './builders.js';

const GPS = 'urn:ngsi-ld:Dataset:gps';
const VOCAB = 'https://example.org/city#';
const CITY_CONTEXT = {
  Bus: `${VOCAB}Bus`,
  speed: `${VOCAB}speed`,
  operator: `${VOCAB}operator`,
  area: `${VOCAB}area`,
};

/** A bus with one attribute of every common kind. */
function bus(id: string): Body {
  return entity(id, 'Bus', {
    speed: [
      property(42, { unitCode: 'KMH', observedAt: '2024-05-01T10:00:00Z' }),
      property(40, { datasetId: GPS }),
    ],
    operator: relationship('urn:ngsi-ld:Company:transerco'),
    name: languageProperty({ en: 'Line 1', vi: 'Tuyến 1' }),
    location: geoProperty(point(105.85, 21.03)),
    area: geoProperty(square(105.8, 21.0, 0.1)),
    color: property('red'),
  });
}

describe.each(testDrivers())('Representations of entities on %s', (driver) => {
  let t: TestBroker;
  let api: Client;
  let contextUrl: string;
  const id = urn('Bus');

  beforeAll(async () => {
    t = await startTestBroker(driver);
    api = client(t);
    const hosted = await api.send('POST', '/ngsi-ld/v1/jsonldContexts', {
      '@context': CITY_CONTEXT,
    });
    expect(hosted.status, hosted.text).toBe(201);
    const details = await api.get(String(hosted.headers.location), { details: 'true' });
    contextUrl = (details.body as Body).URL as string;
    await api.seed(bus(id));
  });
  afterAll(() => t.close());

  describe('normalized, concise and simplified (§4.5, §6.3.7)', () => {
    it('answers in normalized form by default, with a Link header to the core @context (§4.5.1, §6.3.5)', async () => {
      const response = await api.retrieve(id);
      expect(response.status).toBe(200);
      expect(String(response.headers['content-type'])).toMatch(/^application\/json/);
      expect(linkedContext(response)).toBe(CORE_CONTEXT);
      expect((response.body as Body).operator).toEqual(
        relationship('urn:ngsi-ld:Company:transerco'),
      );
      expect((response.body as Body)['@context']).toBeUndefined();
    });

    it('leaves out types implied by the value member in concise form (§4.5.2.3, §4.5.3.3)', async () => {
      const body = (await api.retrieve(id, { options: 'concise' })).body as Body;
      expect(body.color).toBe('red');
      expect(body.operator).toEqual({ object: 'urn:ngsi-ld:Company:transerco' });
      expect(body.name).toEqual({ languageMap: { en: 'Line 1', vi: 'Tuyến 1' } });
      expect(body.speed).toEqual([
        { value: 42, unitCode: 'KMH', observedAt: '2024-05-01T10:00:00.000Z' },
        { value: 40, datasetId: GPS },
      ]);
    });

    it('reads its own concise output back to the same entity (§4.5.2.3 round trip)', async () => {
      const concise = (await api.retrieve(id, { options: 'concise' })).body as Body;
      const copy = urn('Bus');
      await api.seed({ ...concise, id: copy });
      const original = (await api.retrieve(id)).body as Body;
      expect({ ...((await api.retrieve(copy)).body as Body), id }).toEqual(original);
    });

    it('gives values only with options=keyValues, and the same with format=simplified (§4.5.4, §6.3.7)', async () => {
      const keyValues = (await api.retrieve(id, { options: 'keyValues' })).body as Body;
      expect(keyValues).toMatchObject({
        id,
        type: 'Bus',
        color: 'red',
        operator: 'urn:ngsi-ld:Company:transerco',
        location: point(105.85, 21.03),
        name: { languageMap: { en: 'Line 1', vi: 'Tuyến 1' } },
      });
      expect((await api.retrieve(id, { format: 'simplified' })).body).toEqual(keyValues);
      expect((await api.retrieve(id, { format: 'keyValues' })).body).toEqual(keyValues);
    });

    it('rejects keyValues together with concise, and unknown options or formats (§6.3.7)', async () => {
      expectProblem(
        await api.retrieve(id, { options: 'keyValues,concise' }),
        400,
        'BadRequestData',
      );
      expectProblem(await api.retrieve(id, { options: 'pretty' }), 400, 'BadRequestData');
      expectProblem(await api.retrieve(id, { format: 'xml' }), 400, 'BadRequestData');
    });
  });

  describe('system attributes (§4.8, options=sysAttrs)', () => {
    it('shows createdAt and modifiedAt on the entity and on every attribute only when asked', async () => {
      const plain = (await api.retrieve(id)).body as Body;
      expect(plain.createdAt).toBeUndefined();
      expect((plain.color as Body).modifiedAt).toBeUndefined();
      const withSys = (await api.retrieve(id, { options: 'sysAttrs' })).body as Body;
      expect(withSys.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
      expect(withSys.modifiedAt).toBeDefined();
      expect((withSys.color as Body).createdAt).toBeDefined();
      expect((withSys.operator as Body).modifiedAt).toBeDefined();
    });

    it('combines sysAttrs with concise (§4.8, §6.3.7)', async () => {
      const body = (await api.retrieve(id, { options: 'concise,sysAttrs' })).body as Body;
      expect(body.createdAt).toBeDefined();
      expect(body.color).toEqual({
        value: 'red',
        createdAt: expect.any(String),
        modifiedAt: expect.any(String),
      });
    });
  });

  describe('projection with pick and omit (§4.21)', () => {
    it('keeps only the members named by pick, entity members included', async () => {
      expect((await api.retrieve(id, { pick: 'id,color' })).body).toEqual({
        id,
        color: property('red'),
      });
      expect((await api.retrieve(id, { pick: 'type' })).body).toEqual({ type: 'Bus' });
    });

    it('removes the members named by omit', async () => {
      const body = (await api.retrieve(id, { omit: 'id,speed,name,location,area,operator' })).body;
      expect(body).toEqual({ type: 'Bus', color: property('red') });
    });

    it('applies pick to every entity of a query', async () => {
      const body = (await api.query({ type: 'Bus', pick: 'id' })).body as Body[];
      expect(body).toContainEqual({ id });
      expect(body.every((item) => Object.keys(item).join() === 'id')).toBe(true);
    });

    it('rejects pick together with omit, and invalid names (§4.21)', async () => {
      expectProblem(
        await api.retrieve(id, { pick: 'color', omit: 'speed' }),
        400,
        'BadRequestData',
      );
      expectProblem(await api.retrieve(id, { pick: 'co lor' }), 400, 'BadRequestData');
    });
  });

  describe('language filter (§4.15, lang)', () => {
    it('turns a LanguageProperty into a Property in the chosen language, naming it in lang', async () => {
      const body = (await api.retrieve(id, { lang: 'vi' })).body as Body;
      expect(body.name).toEqual({ type: 'Property', value: 'Tuyến 1', lang: 'vi' });
    });

    it('follows q-values and falls back to any language when nothing matches (§4.15)', async () => {
      expect(
        ((await api.retrieve(id, { lang: 'fr,en;q=0.5,vi;q=0.4' })).body as Body).name,
      ).toMatchObject({ lang: 'en' });
      const fallback = ((await api.retrieve(id, { lang: 'de' })).body as Body).name as Body;
      expect(['en', 'vi']).toContain(fallback.lang);
    });

    it('gives the bare string in keyValues (§4.5.4, §4.15)', async () => {
      expect(
        ((await api.retrieve(id, { lang: 'en', options: 'keyValues' })).body as Body).name,
      ).toBe('Line 1');
    });

    it('rejects a lang that is not a language range list', async () => {
      expectProblem(await api.retrieve(id, { lang: 'en;q=2' }), 400, 'BadRequestData');
    });
  });

  describe('GeoJSON (§4.5.16, §4.5.17, Accept: application/geo+json)', () => {
    const geo = { accept: 'application/geo+json' };

    it('answers a Feature whose geometry is the location, with the entity in properties (§4.5.16.2)', async () => {
      const response = await api.retrieve(id, undefined, geo);
      expect(response.status).toBe(200);
      expect(String(response.headers['content-type'])).toMatch(/^application\/geo\+json/);
      const feature = response.body as Body;
      expect(feature.type).toBe('Feature');
      expect(feature.id).toBe(id);
      expect(feature.geometry).toEqual(point(105.85, 21.03));
      expect((feature.properties as Body).type).toBe('Bus');
      expect((feature.properties as Body).color).toEqual(property('red'));
    });

    it('uses the GeoProperty named by geometryProperty as the geometry (§4.5.16.1)', async () => {
      const feature = (await api.retrieve(id, { geometryProperty: 'area' }, geo)).body as Body;
      expect((feature.geometry as Body).type).toBe('Polygon');
    });

    it('gives a null geometry when the entity lacks the GeoProperty (§4.5.16.1)', async () => {
      const feature = (await api.retrieve(id, { geometryProperty: 'nowhere' }, geo)).body as Body;
      expect(feature.geometry).toBeNull();
    });

    it('answers a FeatureCollection to a query, in keyValues when asked (§4.5.16.3, §4.5.17.2)', async () => {
      const collection = (await api.query({ type: 'Bus', options: 'keyValues' }, geo)).body as Body;
      expect(collection.type).toBe('FeatureCollection');
      const feature = (collection.features as Body[]).find((item) => item.id === id) as Body;
      expect((feature.properties as Body).color).toBe('red');
    });

    it('carries the @context in the body unless Prefer: body=json asks for a Link header (v1.9.1 §5.7.1.4, §6.3.15)', async () => {
      const inBody = await api.retrieve(id, undefined, geo);
      expect((inBody.body as Body)['@context']).toBeDefined();
      const linked = await api.retrieve(id, undefined, { ...geo, prefer: 'body=json' });
      expect((linked.body as Body)['@context']).toBeUndefined();
      expect(linkedContext(linked)).toBe(CORE_CONTEXT);
    });

    it('rejects geometryProperty when the answer is not GeoJSON (§5.7.1.4, §5.7.2.4)', async () => {
      expectProblem(await api.retrieve(id, { geometryProperty: 'area' }), 400, 'BadRequestData');
      expectProblem(
        await api.query({ type: 'Bus', geometryProperty: 'area' }),
        400,
        'BadRequestData',
      );
    });
  });

  describe('JSON-LD @context in the answer (§6.3.5, §5.5.7)', () => {
    it('puts "@context" in the body and sends no Link header for Accept: application/ld+json', async () => {
      const response = await api.retrieve(id, undefined, { accept: 'application/ld+json' });
      expect(String(response.headers['content-type'])).toMatch(/^application\/ld\+json/);
      expect(response.headers.link).toBeUndefined();
      expect((response.body as Body)['@context']).toBeDefined();
    });

    it('compacts names with the @context of the Link header and echoes that URL (§5.5.7, §6.3.5)', async () => {
      const api2 = client(t);
      const busId = urn('Bus');
      await api2.create(bus(busId), linkTo(contextUrl));
      const withContext = await api2.retrieve(
        busId,
        { options: 'keyValues', attrs: 'speed' },
        linkTo(contextUrl),
      );
      expect(linkedContext(withContext)).toBe(contextUrl);
      expect(withContext.body).toEqual({
        id: busId,
        type: 'Bus',
        speed: { dataset: { '@none': 42, [GPS]: 40 } },
      });
      const withoutContext = (
        await api2.retrieve(busId, { options: 'keyValues', attrs: `${VOCAB}speed` })
      ).body as Body;
      expect(withoutContext.type).toBe(`${VOCAB}Bus`);
      expect(withoutContext[`${VOCAB}speed`]).toBeDefined();
    });

    it('prefers application/json for Accept */* and answers 406 when nothing offered is acceptable (§6.3.4)', async () => {
      const any = await api.retrieve(id, undefined, { accept: '*/*' });
      expect(String(any.headers['content-type'])).toMatch(/^application\/json/);
      expectProblem(
        await api.retrieve(id, undefined, { accept: 'text/html' }),
        406,
        'NotAcceptable',
      );
    });
  });
});
