import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBroker, type TestBroker } from '../../apps/broker/src/testing/test-broker.js';
import { testDrivers } from '../../apps/broker/src/testing/test-database.js';
import { client, entity, entityUrl, expectProblem, property, urn } from './builders.js';

describe.each(testDrivers())('Type selectors and query limits on %s', (driver) => {
  let t: TestBroker;
  beforeAll(async () => {
    t = await startTestBroker(driver);
  });
  afterAll(() => t.close());

  it('retrieves an entity only when it has every type joined by ; (§4.17)', async () => {
    const api = client(t);
    const id = urn('Thing');
    await api.seed(entity(id, ['Home', 'Vehicle']), entity(urn('Thing'), 'Home'));
    expect((await api.retrieve(id, { type: 'Home;Vehicle' })).status).toBe(200);
    expect((await api.retrieve(id, { type: 'Home;Boat' })).status).toBe(404);
    expect((await api.retrieve(id, { type: '(Home;Boat)|Vehicle' })).status).toBe(200);
  });

  it('deletes nothing when the type selector does not match (§5.6.6, §4.17)', async () => {
    const api = client(t);
    const id = urn('Thing');
    await api.seed(entity(id, ['Home']));
    expect(
      (await api.send('DELETE', entityUrl(id), undefined, { query: { type: 'Home;Vehicle' } }))
        .status,
    ).toBe(404);
    expect((await api.retrieve(id)).status).toBe(200);
  });

  it('answers 403 TooComplexQuery for a q beyond the language limits (§4.9)', async () => {
    const api = client(t);
    await api.seed(entity(urn('Thing'), 'Thing', { level: property(1) }));
    const q = Array.from({ length: 150 }, (_, i) => `level==${i}`).join('|');
    const response = await api.query({ type: 'Thing', q });
    expectProblem(response, 403, 'TooComplexQuery');
  });

  it('answers 400 for an idPattern PostgreSQL cannot run, naming the construct', async () => {
    const response = await client(t).query({ type: 'Thing', idPattern: '(?<year>\\d{4})' });
    const problem = expectProblem(response, 400, 'BadRequestData');
    expect(problem.detail).toMatch(/idPattern/);
  });
});

describe.each(testDrivers())('Representation options on %s', (driver) => {
  let t: TestBroker;
  beforeAll(async () => {
    t = await startTestBroker(driver);
  });
  afterAll(() => t.close());

  it.each([
    [{ options: 'normalized,keyValues' }, 'options'],
    [{ options: 'concise', format: 'keyValues' }, 'format'],
  ])('rejects contradictory representations %j, naming the parameter', async (query, field) => {
    const api = client(t);
    const id = urn('Thing');
    await api.seed(entity(id, 'Thing'));
    const problem = expectProblem(await api.retrieve(id, query), 400, 'BadRequestData');
    expect(problem.field).toBe(field);
  });

  it('accepts format and options that agree', async () => {
    const api = client(t);
    const id = urn('Thing');
    await api.seed(entity(id, 'Thing', { a: property(1) }));
    const response = await api.retrieve(id, {
      options: 'keyValues,sysAttrs',
      format: 'simplified',
    });
    expect(response.status).toBe(200);
    expect((response.body as Record<string, unknown>).a).toBe(1);
  });
});
