import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBroker, type TestBroker } from '../../apps/broker/src/testing/test-broker.js';
import { testDrivers } from '../../apps/broker/src/testing/test-database.js';
import {
  BATCH,
  ENTITIES,
  client,
  entity,
  expectProblem,
  linkTo,
  property,
  relationship,
  type Body,
  type Client,
} from './builders.js';

/** A small city: three vehicles (one also a Bus), a bus and two car parks. Ids sort in this order. */
const V1 = 'urn:ngsi-ld:Vehicle:1';
const V2 = 'urn:ngsi-ld:Vehicle:2';
const V3 = 'urn:ngsi-ld:Vehicle:3';
const B1 = 'urn:ngsi-ld:Bus:1';
const P1 = 'urn:ngsi-ld:OffStreetParking:1';
const P2 = 'urn:ngsi-ld:OffStreetParking:2';

const city: Body[] = [
  entity(V1, 'Vehicle', {
    speed: property(80, { unitCode: 'KMH', observedAt: '2024-05-01T10:00:00Z' }),
    brand: property('Mercedes Benz'),
    address: property({ city: 'Hanoi', street: 'Trang Tien' }),
    isParked: relationship(P1),
  }),
  entity(V2, 'Vehicle', {
    speed: property(40, { observedAt: '2024-04-01T10:00:00Z' }),
    brand: property('VinFast'),
    address: property({ city: 'Danang' }),
  }),
  entity(V3, ['Vehicle', 'Bus'], {
    speed: property(60, { accuracy: property(0.5) }),
    brand: property('Vinbus'),
    electric: property(true),
  }),
  entity(B1, 'Bus', { speed: property(20), electric: property(false) }),
  entity(P1, 'OffStreetParking', { availableSpots: property(10), name: property('Central') }),
  entity(P2, 'OffStreetParking', { availableSpots: property(0), name: property('North') }),
];

describe.each(testDrivers())('Query Entities on %s', (driver) => {
  let t: TestBroker;
  let api: Client;
  beforeAll(async () => {
    t = await startTestBroker(driver);
    api = client(t);
    await api.seed(...city);
  });
  afterAll(() => t.close());

  const sorted = (ids: string[]) => [...ids].sort();

  describe('entity type selection (§4.17)', () => {
    it.each([
      ['Vehicle', [V1, V2, V3]],
      ['Vehicle,Bus', [B1, V1, V2, V3]],
      ['Vehicle|Bus', [B1, V1, V2, V3]],
      ['Vehicle;Bus', [V3]],
      ['(Vehicle;Bus),OffStreetParking', [P1, P2, V3]],
      ['(Vehicle|OffStreetParking);Bus', [V3]],
      ['Tram', []],
    ])('type=%s selects %j', async (type, expected) => {
      expect(sorted(await api.ids({ type, limit: '100' }))).toEqual(sorted(expected));
    });

    it('accepts full type IRIs and expands short names with the Link @context (§5.5.7)', async () => {
      expect(await api.ids({ type: 'https://uri.etsi.org/ngsi-ld/default-context/Bus' })).toEqual([
        B1,
        V3,
      ]);
      const other = client(t);
      const context = await other.send('POST', '/ngsi-ld/v1/jsonldContexts', {
        '@context': { Bus: 'https://example.org/Bus' },
      });
      const url = (
        (await other.get(String(context.headers.location), { details: 'true' })).body as Body
      ).URL as string;
      await other.seed(entity('urn:ngsi-ld:Bus:elsewhere', 'https://example.org/Bus'));
      expect(await other.ids({ type: 'Bus' }, linkTo(url))).toEqual(['urn:ngsi-ld:Bus:elsewhere']);
      expect(await other.ids({ type: 'Bus' })).toEqual([]);
    });

    it('rejects a malformed type selection with 400 (§4.17)', async () => {
      expectProblem(await api.query({ type: 'Vehicle;;Bus' }), 400, 'BadRequestData');
      expectProblem(await api.query({ type: '(Vehicle' }), 400, 'BadRequestData');
    });
  });

  describe('ids and idPattern (§5.7.2.4)', () => {
    it('selects by a list of ids, together with a type', async () => {
      expect(
        await api.ids({ id: `${V2},${P1},urn:ngsi-ld:Vehicle:none`, type: 'Vehicle' }),
      ).toEqual([V2]);
    });

    it('selects by ids alone (ADR 0003: ids narrow the query enough)', async () => {
      expect(await api.ids({ id: `${V2},${P1}` })).toEqual([P1, V2]);
    });

    it('selects ids matching idPattern', async () => {
      expect(await api.ids({ idPattern: '^urn:ngsi-ld:OffStreetParking:' })).toEqual([P1, P2]);
      expect(await api.ids({ idPattern: 'Vehicle:[23]$', type: 'Vehicle' })).toEqual([V2, V3]);
    });

    it('rejects an id that is not a URI and an idPattern that is not a regular expression', async () => {
      expectProblem(await api.query({ id: 'not a uri' }), 400, 'BadRequestData');
      expectProblem(await api.query({ idPattern: '(unclosed' }), 400, 'BadRequestData');
    });
  });

  describe('the query language q (§4.9)', () => {
    it.each([
      ['speed>50', [V1, V3]],
      ['speed>=60', [V1, V3]],
      ['speed<40', [B1]],
      ['speed<=40', [B1, V2]],
      ['speed==40', [V2]],
      ['speed!=40', [B1, V1, V3]],
      ['speed==40..70', [V2, V3]],
      ['speed==20,80', [B1, V1]],
      ['brand=="VinFast","Vinbus"', [V2, V3]],
      ['brand=="Mercedes Benz"', [V1]],
      ['brand!="VinFast"', [V1, V3]],
      ['brand~=Vin.*', [V2, V3]],
      ['brand~=(?i)mercedes', [V1]],
      ['brand!~=^Vin', [V1]],
      ['electric==true', [V3]],
      ['electric==false', [B1]],
      ['brand', [V1, V2, V3]],
      ['!brand', [B1]],
      ['address[city]=="Hanoi"', [V1]],
      ['address[street]', [V1]],
      ['speed.accuracy==0.5', [V3]],
      ['speed.observedAt>=2024-04-15T00:00:00Z', [V1]],
      ['speed.unitCode=="KMH"', [V1]],
      [`isParked==${P1}`, [V1]],
      ['speed>50;brand=="Mercedes Benz"', [V1]],
      ['speed<30|brand=="VinFast"', [B1, V2]],
      ['(speed>70|speed<30);electric==false', [B1]],
      ['((speed>50|speed<30);brand~=^Vin)|brand=="VinFast"', [V2, V3]],
      ['nothing==1', []],
    ])('q=%s selects %j', async (q, expected) => {
      expect(sorted(await api.ids({ q, type: 'Vehicle,Bus' }))).toEqual(sorted(expected));
    });

    it('compares a quoted URI with Relationship objects (§4.9 example 3)', async () => {
      expect(await api.ids({ q: `isParked=="${P1}"`, type: 'Vehicle' })).toEqual([V1]);
    });

    describe('on the other attribute types (§4.9)', () => {
      const K1 = 'urn:ngsi-ld:Kiosk:1';
      const K2 = 'urn:ngsi-ld:Kiosk:2';
      let kiosks: Client;
      beforeAll(async () => {
        kiosks = client(t);
        await kiosks.seed(
          entity(K1, 'Kiosk', {
            name: {
              type: 'LanguageProperty',
              languageMap: { en: 'Central kiosk', vi: 'Ki-ốt trung tâm' },
            },
            readings: { type: 'ListProperty', valueList: [1, 5, 9] },
            category: { type: 'VocabProperty', vocab: 'Electric' },
            stops: {
              type: 'ListRelationship',
              objectList: [{ object: 'urn:ngsi-ld:Stop:1' }, { object: 'urn:ngsi-ld:Stop:2' }],
            },
            raw: { type: 'JsonProperty', json: { level: 3 } },
          }),
          entity(K2, 'Kiosk', {
            name: { type: 'LanguageProperty', languageMap: { en: 'North kiosk' } },
            readings: { type: 'ListProperty', valueList: [2] },
            category: { type: 'VocabProperty', vocab: 'Diesel' },
            raw: { type: 'JsonProperty', json: { level: 7 } },
          }),
        );
      });

      it.each([
        ['name=="North kiosk"', [K2]],
        ['name[vi]=="Ki-ốt trung tâm"', [K1]],
        ['name[en]=="Ki-ốt trung tâm"', []],
        ['readings==5', [K1]],
        ['readings>8', [K1]],
        ['category=="Electric"', [K1]],
        ['category!="Electric"', [K2]],
        ['stops==urn:ngsi-ld:Stop:2', [K1]],
        ['raw[level]>5', [K2]],
      ])('q=%s selects %j', async (q, expected) => {
        expect(await kiosks.ids({ q, type: 'Kiosk' })).toEqual(expected);
      });
    });

    it('selects on q alone, without a type (§5.7.2.4 c)', async () => {
      expect(await api.ids({ q: 'availableSpots>0' })).toEqual([P1]);
    });

    it.each(['speed>>1', 'speed==', '(speed>1', 'speed~=(', 'speed==1..', 'speed>"a"..'])(
      'rejects the malformed q=%s with 400 BadRequestData (§4.9)',
      async (q) => {
        expectProblem(await api.query({ q, type: 'Vehicle' }), 400, 'BadRequestData');
      },
    );
  });

  describe('attrs (§5.7.2.4)', () => {
    it('returns entities having at least one of the attributes, with only those attributes', async () => {
      const body = (await api.query({ attrs: 'electric,name', options: 'keyValues' }))
        .body as Body[];
      expect(body).toEqual([
        { id: B1, type: 'Bus', electric: false },
        { id: P1, type: 'OffStreetParking', name: 'Central' },
        { id: P2, type: 'OffStreetParking', name: 'North' },
        { id: V3, type: ['Vehicle', 'Bus'], electric: true },
      ]);
    });
  });

  describe('paging with limit, offset and count (§5.5.9, §6.4.3.2)', () => {
    it('pages through every match once, in a stable order, with the total in NGSILD-Results-Count', async () => {
      const seen: string[] = [];
      for (let offset = 0; offset < 6; offset += 2) {
        const response = await api.query({
          type: 'Vehicle,Bus,OffStreetParking',
          limit: '2',
          offset: String(offset),
          count: 'true',
        });
        expect(response.status).toBe(200);
        expect(response.headers['ngsild-results-count']).toBe('6');
        seen.push(...(response.body as Body[]).map((item) => item.id as string));
      }
      expect(seen).toEqual([B1, P1, P2, V1, V2, V3]);
      expect(await api.ids({ type: 'Vehicle,Bus,OffStreetParking', offset: '6' })).toEqual([]);
    });

    it('answers 20 entities when no limit is given (§5.5.9 default page size)', async () => {
      const many = client(t);
      await many.batch(
        'create',
        Array.from({ length: 25 }, (_, i) =>
          entity(`urn:ngsi-ld:Lamp:${String(i).padStart(2, '0')}`, 'Lamp'),
        ),
      );
      const response = await many.query({ type: 'Lamp', count: 'true' });
      expect((response.body as Body[]).length).toBe(20);
      expect(response.headers['ngsild-results-count']).toBe('25');
    });

    it('gives only the count with limit=0&count=true', async () => {
      const response = await api.query({ type: 'Vehicle', limit: '0', count: 'true' });
      expect(response.status).toBe(200);
      expect(response.body).toEqual([]);
      expect(response.headers['ngsild-results-count']).toBe('3');
    });

    it('sends no count header unless asked', async () => {
      expect(
        (await api.query({ type: 'Vehicle' })).headers['ngsild-results-count'],
      ).toBeUndefined();
    });

    it('answers 403 TooManyResults for a limit above 1000 (ADR 0003, §5.5.9)', async () => {
      expectProblem(await api.query({ type: 'Vehicle', limit: '1001' }), 403, 'TooManyResults');
      expect((await api.query({ type: 'Vehicle', limit: '1000' })).status).toBe(200);
    });

    it('rejects limit, offset and count that are not what they should be', async () => {
      expectProblem(await api.query({ type: 'Vehicle', limit: '-1' }), 400, 'BadRequestData');
      expectProblem(await api.query({ type: 'Vehicle', limit: 'ten' }), 400, 'BadRequestData');
      expectProblem(await api.query({ type: 'Vehicle', offset: '1.5' }), 400, 'BadRequestData');
      expectProblem(await api.query({ type: 'Vehicle', count: 'yes' }), 400, 'BadRequestData');
      expectProblem(await api.query({ type: 'Vehicle', limit: '0' }), 400, 'BadRequestData');
    });
  });

  describe('guard rails (§5.7.2.4, ADR 0003)', () => {
    it('answers 400 BadRequestData to a query without any selector (too broad)', async () => {
      expectProblem(await api.query({}), 400, 'BadRequestData');
      expectProblem(await api.query({ limit: '5', options: 'keyValues' }), 400, 'BadRequestData');
    });

    it('answers 400 InvalidRequest naming an unknown parameter', async () => {
      const problem = expectProblem(
        await api.query({ type: 'Vehicle', colour: 'red' }),
        400,
        'InvalidRequest',
      );
      expect(problem.detail).toContain('colour');
    });

    it('answers 400 for a parameter given twice', async () => {
      expectProblem(await api.get(`${ENTITIES}?type=Vehicle&type=Bus`), 400, 'InvalidRequest');
    });

    it.each(['join', 'scopeQ', 'local', 'csf', 'datasetId'])(
      'answers 501 NotImplemented for the spec parameter %s this broker does not support',
      async (parameter) => {
        expectProblem(
          await api.query({ type: 'Vehicle', [parameter]: 'x' }),
          501,
          'NotImplemented',
        );
      },
    );

    it('answers 404 NonexistentTenant for a tenant never written to (§4.14)', async () => {
      const nobody = client(t);
      expectProblem(await nobody.query({ type: 'Vehicle' }), 404, 'NonexistentTenant');
    });
  });

  describe('POST /entityOperations/query (§5.7.2, §6.23)', () => {
    const post = (body: unknown, query?: Record<string, string>) =>
      api.send('POST', `${BATCH}/query`, body, query ? { query } : {});

    it('answers the same entities as GET /entities for the same query', async () => {
      const response = await post({
        type: 'Query',
        entities: [{ type: 'Vehicle' }],
        q: 'speed>50',
      });
      expect(response.status).toBe(200);
      expect((response.body as Body[]).map((item) => item.id)).toEqual([V1, V3]);
    });

    it('selects entities matching any of several selectors, each with id, idPattern or type', async () => {
      const response = await post({
        type: 'Query',
        entities: [
          { type: 'Bus' },
          { id: P2, type: 'OffStreetParking' },
          { idPattern: 'Vehicle:1$', type: 'Vehicle' },
        ],
        attrs: ['speed', 'availableSpots'],
      });
      expect((response.body as Body[]).map((item) => item.id)).toEqual([B1, P2, V1, V3]);
    });

    it('applies the language filter given as lang in the body (§5.2.23, §4.15)', async () => {
      const other = client(t);
      const id = 'urn:ngsi-ld:Kiosk:lang';
      await other.seed(
        entity(id, 'Kiosk', {
          name: { type: 'LanguageProperty', languageMap: { en: 'Kiosk', vi: 'Ki-ốt' } },
        }),
      );
      const response = await other.send('POST', `${BATCH}/query`, {
        type: 'Query',
        entities: [{ type: 'Kiosk' }],
        lang: 'vi',
      });
      expect((response.body as Body[])[0]?.name).toEqual({
        type: 'Property',
        value: 'Ki-ốt',
        lang: 'vi',
      });
      const invalid = await other.send('POST', `${BATCH}/query`, {
        type: 'Query',
        entities: [{ type: 'Kiosk' }],
        lang: 7,
      });
      expectProblem(invalid, 400, 'BadRequestData');
    });

    it('pages with limit and offset in the query string', async () => {
      const response = await post(
        { type: 'Query', entities: [{ type: 'Vehicle' }] },
        { limit: '1', offset: '1', count: 'true' },
      );
      expect((response.body as Body[]).map((item) => item.id)).toEqual([V2]);
      expect(response.headers['ngsild-results-count']).toBe('3');
    });

    it('rejects a body that is not a Query, and a Query without selectors (too broad)', async () => {
      expectProblem(await post({ entities: [{ type: 'Vehicle' }] }), 400, 'BadRequestData');
      expectProblem(await post({ type: 'Query', entities: [] }), 400, 'BadRequestData');
      expectProblem(await post({ type: 'Query' }), 400, 'BadRequestData');
      expectProblem(await post({ type: 'Query', q: 'speed>>' }), 400, 'BadRequestData');
    });
  });
});
