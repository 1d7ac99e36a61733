import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBroker, type TestBroker } from '../../apps/broker/src/testing/test-broker.js';
import { testDrivers, uniqueTenant } from '../../apps/broker/src/testing/test-database.js';
import { applyHistoryRetention } from '../../apps/broker/src/temporal/retention/apply-history-retention.js';
import {
  client,
  entity,
  entityUrl,
  expectProblem,
  property,
  relationship,
  urn,
  type Body,
  type Client,
  type Query,
} from './builders.js';

const TEMPORAL = '/ngsi-ld/v1/temporal/entities';
const TEMPORAL_QUERY = '/ngsi-ld/v1/temporal/entityOperations/query';
const GPS = 'urn:ngsi-ld:dataset:gps';

const temporalUrl = (id: string): string => `${TEMPORAL}/${encodeURIComponent(id)}`;
/** 2024-05-01 at hh:mm UTC, as the broker writes DateTimes. */
const at = (hhmm: string): string => `2024-05-01T${hhmm}:00.000Z`;

/** Write one new value of an attribute (PATCH /entities/{id}/attrs, §6.6.3.3): one instance more. */
async function observe(api: Client, id: string, attrs: Body): Promise<void> {
  const response = await api.send('PATCH', entityUrl(id, '/attrs'), attrs);
  expect(response.status, response.text).toBe(204);
}

/** A sensor whose temperature was observed at the given times with the given values. */
async function sensor(
  api: Client,
  readings: [string, number][],
  extra: Body = {},
): Promise<string> {
  const id = urn('Sensor');
  const [first, ...rest] = readings;
  await api.seed(
    entity(id, 'Sensor', {
      temperature: property(first?.[1] ?? 0, { observedAt: at(first?.[0] ?? '00:00') }),
      ...extra,
    }),
  );
  for (const [time, value] of rest) {
    await observe(api, id, { temperature: property(value, { observedAt: at(time) }) });
  }
  return id;
}

async function history(api: Client, id: string, query: Query = {}): Promise<Body> {
  const response = await api.get(temporalUrl(id), query);
  expect(response.status, response.text).toBe(200);
  return response.body as Body;
}

const valuesOf = (body: Body, attr = 'temperature'): unknown[] =>
  (body[attr] as Body[] | undefined)?.map((instance) => instance.value) ?? [];

describe.each(testDrivers())('Temporal history on %s', (driver) => {
  let t: TestBroker;
  beforeAll(async () => {
    t = await startTestBroker(driver);
  });
  afterAll(() => t.close());

  describe('Retrieve Temporal Evolution of an Entity (§5.7.3, §6.19.3.1)', () => {
    it('records an instance per update, with observedAt and datasetId', async () => {
      const api = client(t);
      const id = urn('Vehicle');
      await api.seed(
        entity(id, 'Vehicle', {
          speed: [
            property(80, { observedAt: at('10:00') }),
            property(81, { observedAt: at('10:00'), datasetId: GPS }),
          ],
          brand: property('VinFast'),
        }),
      );
      await observe(api, id, { speed: property(60, { observedAt: at('10:05') }) });
      await observe(api, id, { speed: property(40, { observedAt: at('10:10'), datasetId: GPS }) });

      const body = await history(api, id);
      expect(body.id).toBe(id);
      expect(body.type).toBe('Vehicle');
      expect(body.speed).toEqual([
        { type: 'Property', value: 80, observedAt: at('10:00') },
        { type: 'Property', value: 81, datasetId: GPS, observedAt: at('10:00') },
        { type: 'Property', value: 60, observedAt: at('10:05') },
        { type: 'Property', value: 40, datasetId: GPS, observedAt: at('10:10') },
      ]);
      // brand has no observedAt: the default Temporal Property leaves it out (§4.11).
      expect(body.brand).toBeUndefined();
      const bySystemTime = await history(api, id, {
        timeproperty: 'modifiedAt',
        attrs: 'brand',
        options: 'sysAttrs',
      });
      expect(bySystemTime.brand).toEqual([
        expect.objectContaining({
          type: 'Property',
          value: 'VinFast',
          createdAt: expect.any(String),
        }),
      ]);
    });

    it('selects instances with timerel before, after and between on observedAt (§4.11)', async () => {
      const api = client(t);
      const id = await sensor(api, [
        ['10:00', 1],
        ['10:10', 2],
        ['10:20', 3],
        ['10:30', 4],
      ]);
      const values = async (query: Query) => valuesOf(await history(api, id, query));
      expect(await values({ timerel: 'before', timeAt: at('10:20') })).toEqual([1, 2]);
      expect(await values({ timerel: 'after', timeAt: at('10:20') })).toEqual([3, 4]);
      expect(
        await values({ timerel: 'between', timeAt: at('10:10'), endTimeAt: at('10:30') }),
      ).toEqual([2, 3]);
      expect(await values({ timerel: 'after', timeAt: '2024-05-01T12:20:00+02:00' })).toEqual([
        3, 4,
      ]);
    });

    it('compares modifiedAt with timeproperty=modifiedAt', async () => {
      const api = client(t);
      const before = new Date().toISOString();
      const id = await sensor(api, [
        ['10:00', 1],
        ['10:10', 2],
      ]);
      const after = new Date(Date.now() + 1000).toISOString();
      const values = async (query: Query) =>
        valuesOf(await history(api, id, { timeproperty: 'modifiedAt', ...query }));
      expect(await values({ timerel: 'after', timeAt: before })).toEqual([1, 2]);
      expect(await values({ timerel: 'before', timeAt: before })).toEqual([]);
      expect(await values({ timerel: 'between', timeAt: before, endTimeAt: after })).toEqual([
        1, 2,
      ]);
      const body = await history(api, id, { timeproperty: 'modifiedAt', options: 'sysAttrs' });
      const stamps = (body.temperature as Body[]).map((i) => i.modifiedAt as string);
      expect(stamps.every((stamp) => stamp >= before && stamp <= after)).toBe(true);
    });

    it('returns the newest instances with lastN, oldest first', async () => {
      const api = client(t);
      const id = await sensor(api, [
        ['10:00', 1],
        ['10:10', 2],
        ['10:20', 3],
        ['10:30', 4],
      ]);
      expect(valuesOf(await history(api, id, { lastN: '2' }))).toEqual([3, 4]);
      expect(
        valuesOf(await history(api, id, { lastN: '2', timerel: 'before', timeAt: at('10:30') })),
      ).toEqual([2, 3]);
    });

    it('returns only the attributes named by attrs', async () => {
      const api = client(t);
      const id = await sensor(api, [['10:00', 1]], {
        humidity: property(50, { observedAt: at('10:00') }),
      });
      const body = await history(api, id, { attrs: 'humidity' });
      expect(Object.keys(body).sort()).toEqual(['humidity', 'id', 'type']);
    });

    it('answers in the simplified temporal representation with options=temporalValues (§4.5.9)', async () => {
      const api = client(t);
      const id = await sensor(
        api,
        [
          ['10:00', 1],
          ['10:10', 2],
        ],
        { owner: relationship('urn:ngsi-ld:Person:1', { observedAt: at('10:00') }) },
      );
      const body = await history(api, id, { options: 'temporalValues' });
      expect(body).toEqual({
        id,
        type: 'Sensor',
        owner: { type: 'Relationship', objects: [['urn:ngsi-ld:Person:1', at('10:00')]] },
        temperature: {
          type: 'Property',
          values: [
            [1, at('10:00')],
            [2, at('10:10')],
          ],
        },
      });
    });

    it('aggregates per period with aggrMethods and aggrPeriodDuration (§4.5.19)', async () => {
      const api = client(t);
      const id = await sensor(api, [
        ['10:00', 10],
        ['10:20', 20],
        ['10:40', 30],
        ['11:10', 5],
        ['11:30', 5],
        ['12:30', 99],
      ]);
      const body = await history(api, id, {
        options: 'aggregatedValues',
        aggrMethods: 'avg,min,max,sum,totalCount,distinctCount,stddev,sumsq',
        aggrPeriodDuration: 'PT1H',
        timerel: 'between',
        timeAt: at('10:00'),
        endTimeAt: at('12:00'),
      });
      const hour10 = [at('10:00'), at('11:00')];
      const hour11 = [at('11:00'), at('12:00')];
      expect(body.temperature).toEqual({
        type: 'Property',
        avg: [
          [20, ...hour10],
          [5, ...hour11],
        ],
        min: [
          [10, ...hour10],
          [5, ...hour11],
        ],
        max: [
          [30, ...hour10],
          [5, ...hour11],
        ],
        sum: [
          [60, ...hour10],
          [10, ...hour11],
        ],
        totalCount: [
          [3, ...hour10],
          [2, ...hour11],
        ],
        distinctCount: [
          [3, ...hour10],
          [1, ...hour11],
        ],
        stddev: [
          [Math.sqrt(200 / 3), ...hour10],
          [0, ...hour11],
        ],
        sumsq: [
          [1400, ...hour10],
          [50, ...hour11],
        ],
      });
    });

    it('aggregates over the whole range with PT0S', async () => {
      const api = client(t);
      const id = await sensor(api, [
        ['10:00', 1],
        ['11:00', 3],
      ]);
      const body = await history(api, id, {
        options: 'aggregatedValues',
        aggrMethods: 'avg',
        aggrPeriodDuration: 'PT0S',
      });
      expect(body.temperature).toEqual({ type: 'Property', avg: [[2, at('10:00'), at('11:00')]] });
    });

    it('keeps the history of a deleted entity readable by id', async () => {
      const api = client(t);
      const id = await sensor(api, [
        ['10:00', 1],
        ['10:10', 2],
      ]);
      expect((await api.send('DELETE', entityUrl(id))).status).toBe(204);
      expect(valuesOf(await history(api, id))).toEqual([1, 2]);
    });

    it('answers 404 for an entity that never existed, NonexistentTenant for an unknown tenant', async () => {
      const api = client(t);
      await sensor(api, [['10:00', 1]]);
      expectProblem(await api.get(temporalUrl(urn('Sensor'))), 404, 'ResourceNotFound');
      const nowhere = client(t, uniqueTenant('nowhere'));
      expectProblem(await nowhere.get(temporalUrl(urn('Sensor'))), 404, 'NonexistentTenant');
      expectProblem(await nowhere.get(TEMPORAL, { type: 'Sensor' }), 404, 'NonexistentTenant');
    });
  });

  describe('Query Temporal Evolution of Entities (§5.7.4, §6.18.3.2, §6.24.3.1)', () => {
    it('selects entities by type and q on their current state', async () => {
      const api = client(t);
      const hot = await sensor(api, [
        ['10:00', 30],
        ['10:10', 31],
      ]);
      const cold = await sensor(api, [['10:00', 5]]);
      await api.seed(
        entity(urn('Pump'), 'Pump', { temperature: property(40, { observedAt: at('10:00') }) }),
      );

      const byType = await api.get(TEMPORAL, { type: 'Sensor', count: 'true' });
      expect(byType.status, byType.text).toBe(200);
      expect(byType.headers['ngsild-results-count']).toBe('2');
      const ids = (byType.body as Body[]).map((e) => e.id);
      expect(ids).toEqual([hot, cold].sort());

      const byQ = await api.get(TEMPORAL, { type: 'Sensor', q: 'temperature>20', lastN: '1' });
      expect(byQ.status, byQ.text).toBe(200);
      expect(byQ.body).toEqual([
        {
          id: hot,
          type: 'Sensor',
          temperature: [{ type: 'Property', value: 31, observedAt: at('10:10') }],
        },
      ]);
    });

    it('takes the temporal query in the temporalQ member of a POST Query body', async () => {
      const api = client(t);
      const id = await sensor(api, [
        ['10:00', 1],
        ['10:10', 2],
        ['10:20', 3],
      ]);
      const response = await api.send(
        'POST',
        TEMPORAL_QUERY,
        {
          type: 'Query',
          entities: [{ type: 'Sensor' }],
          temporalQ: { timerel: 'after', timeAt: at('10:10'), lastN: 5 },
        },
        { query: { options: 'temporalValues' } },
      );
      expect(response.status, response.text).toBe(200);
      expect(response.body).toEqual([
        {
          id,
          type: 'Sensor',
          temperature: {
            type: 'Property',
            values: [
              [2, at('10:10')],
              [3, at('10:20')],
            ],
          },
        },
      ]);
      const bad = await api.send('POST', TEMPORAL_QUERY, {
        type: 'Query',
        entities: [{ type: 'Sensor' }],
        temporalQ: { timerel: 'between', timeAt: at('10:10') },
      });
      expect(expectProblem(bad, 400, 'BadRequestData').field).toBe('temporalQ.endTimeAt');
    });
  });

  describe('validation (every problem a 400 naming its parameter)', () => {
    let api: Client;
    let id: string;
    beforeAll(async () => {
      api = client(t);
      id = await sensor(api, [['10:00', 1]]);
    });

    it.each([
      [{ timerel: 'during', timeAt: at('10:00') }, 'timerel'],
      [{ timerel: 'before' }, 'timeAt'],
      [{ timerel: 'between', timeAt: at('10:00') }, 'endTimeAt'],
      [{ timerel: 'between', timeAt: at('10:00'), endTimeAt: at('09:00') }, 'endTimeAt'],
      [{ timerel: 'after', timeAt: 'yesterday' }, 'timeAt'],
      [{ timeAt: at('10:00') }, 'timeAt'],
      [{ timeproperty: 'deletedAt' }, 'timeproperty'],
      [{ lastN: '0' }, 'lastN'],
      [
        { options: 'aggregatedValues', aggrMethods: 'avg', aggrPeriodDuration: '1 hour' },
        'aggrPeriodDuration',
      ],
      [
        { options: 'aggregatedValues', aggrMethods: 'avg', aggrPeriodDuration: 'P1M' },
        'aggrPeriodDuration',
      ],
      [{ options: 'aggregatedValues', aggrMethods: 'median' }, 'aggrMethods'],
      [{ options: 'aggregatedValues' }, 'aggrMethods'],
      [{ aggrMethods: 'avg' }, 'aggrMethods'],
      [{ options: 'temporalValues,aggregatedValues', aggrMethods: 'avg' }, 'options'],
    ])('refuses %j, naming %s', async (query, field) => {
      const body = expectProblem(await api.get(temporalUrl(id), query), 400, 'BadRequestData');
      expect(body.field).toBe(field);
    });

    it('refuses an unknown query parameter with 400 InvalidRequest', async () => {
      const body = expectProblem(
        await api.get(temporalUrl(id), { timeRel: 'before' }),
        400,
        'InvalidRequest',
      );
      expect(body.field).toBe('timeRel');
    });

    it('refuses an entity id that is not a URI and a query with no selection', async () => {
      expectProblem(await api.get(`${TEMPORAL}/not%20a%20uri`), 400, 'BadRequestData');
      expectProblem(await api.get(TEMPORAL, { lastN: '1' }), 400, 'BadRequestData');
    });
  });

  describe('206 Partial Content beyond LEGOCITY_BROKER_TEMPORAL_MAX_INSTANCES (§6.3.10)', () => {
    let capped: TestBroker;
    let api: Client;
    let id: string;
    beforeAll(async () => {
      capped = await startTestBroker(driver, { LEGOCITY_BROKER_TEMPORAL_MAX_INSTANCES: '3' });
      api = client(capped);
      id = await sensor(api, [
        ['10:00', 1],
        ['10:10', 2],
        ['10:20', 3],
        ['10:30', 4],
        ['10:40', 5],
      ]);
    });
    afterAll(() => capped.close());

    it('cuts the oldest-first answer and names the range it holds; the next page continues it', async () => {
      const first = await api.get(temporalUrl(id));
      expect(first.status, first.text).toBe(206);
      expect(first.headers['content-range']).toBe(`date-time ${at('10:00')}-${at('10:30')}/*`);
      expect(valuesOf(first.body as Body)).toEqual([1, 2, 3]);
      const next = await api.get(temporalUrl(id), { timerel: 'after', timeAt: at('10:30') });
      expect(next.status, next.text).toBe(200);
      expect(valuesOf(next.body as Body)).toEqual([4, 5]);
    });

    it('cuts a lastN answer newest first, with lastN as the size', async () => {
      const response = await api.get(temporalUrl(id), { lastN: '10' });
      expect(response.status, response.text).toBe(206);
      expect(response.headers['content-range']).toBe(`date-time ${at('10:40')}-${at('10:20')}/10`);
      expect(valuesOf(response.body as Body)).toEqual([3, 4, 5]);
    });

    it('answers 200 when lastN is within the maximum', async () => {
      const response = await api.get(temporalUrl(id), { lastN: '3' });
      expect(response.status).toBe(200);
      expect(response.headers['content-range']).toBeUndefined();
    });
  });

  describe('history retention', () => {
    it('sets and reads a tenant retention with the admin API, validating it', async () => {
      const api = client(t);
      await sensor(api, [['10:00', 1]]);
      const url = `/admin/tenants/${api.tenant}/history-retention`;
      const initial = await t.request('GET', url);
      expect(initial.status, initial.text).toBe(200);
      expect(initial.body).toEqual({ retention: null, effective: 'P90D' });
      const set = await t.request('PUT', url, { body: { retention: 'P30D' } });
      expect(set.status, set.text).toBe(200);
      expect((await t.request('GET', url)).body).toEqual({ retention: 'P30D', effective: 'P30D' });
      const bad = await t.request('PUT', url, { body: { retention: 'P1M' } });
      expect(expectProblem(bad, 400, 'BadRequestData').field).toBe('retention');
      const reset = await t.request('PUT', url, { body: { retention: null } });
      expect(reset.body).toEqual({ retention: null, effective: 'P90D' });
      expectProblem(
        await t.request('GET', `/admin/tenants/${uniqueTenant('none')}/history-retention`),
        404,
        'NonexistentTenant',
      );
      expect((await t.request('GET', '/admin/tenants/_default/history-retention')).status).toBe(
        200,
      );
    });

    it('deletes rows older than the retention, never those the notifier has not consumed', async () => {
      const api = client(t);
      const id = await sensor(api, [
        ['10:00', 1],
        ['10:10', 2],
        ['10:20', 3],
        ['10:30', 4],
      ]);
      const { db } = t.broker;
      const schemaRow = await db.query<{ schema_name: string }>(
        'select schema_name from legocity.tenant where name = $1',
        [api.tenant],
      );
      const s = `"${schemaRow.rows[0]?.schema_name ?? ''}"`;
      const seqs = async () =>
        (
          await db.query<{ seq: string }>(`select seq::text from ${s}.entity_change order by seq`)
        ).rows.map((r) => r.seq);
      const all = await seqs();
      expect(all).toHaveLength(4);
      // Let the notifier pass every change first, so it does not move the cursor under the test.
      for (let i = 0; i < 50; i += 1) {
        const cursor = await db.query<{ seq: string }>(
          `select seq::text from ${s}.notifier_cursor`,
        );
        if (cursor.rows[0]?.seq === all[3]) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const put = await t.request('PUT', `/admin/tenants/${api.tenant}/history-retention`, {
        body: { retention: 'P1D' },
      });
      expect(put.status, put.text).toBe(200);
      await db.query(`update ${s}.entity_change set at = at - interval '2 days'`);
      // The notifier has consumed the first two changes only.
      await db.query(
        `update ${s}.notifier_cursor set txid = c.txid, seq = c.seq
         from (select txid, seq from ${s}.entity_change where seq = $1) c`,
        [all[1]],
      );
      // Tenants without a retention of their own (other tests') keep everything: default 0.
      const options = { defaultRetentionSeconds: 0, now: new Date() };
      const results = await applyHistoryRetention(db, options);
      expect(results.find((r) => r.tenant === api.tenant)?.deleted).toBe(2);
      expect(await seqs()).toEqual(all.slice(2));
      expect(valuesOf(await history(api, id))).toEqual([3, 4]);

      await db.query(
        `update ${s}.notifier_cursor set txid = c.txid, seq = c.seq
         from (select txid, seq from ${s}.entity_change where seq = $1) c`,
        [all[3]],
      );
      expect(
        (await applyHistoryRetention(db, options)).find((r) => r.tenant === api.tenant)?.deleted,
      ).toBe(2);
      expect(await seqs()).toEqual([]);
    });
  });
});
