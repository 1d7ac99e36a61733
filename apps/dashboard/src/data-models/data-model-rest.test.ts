/**
 * The data-model change rules over REST (`handleEndpoints`, what /api/[...slug] calls): the same
 * hook refuses with 400 and the field paths the admin highlights; viewers get 403.
 */
import { handleEndpoints } from 'payload';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataModel } from '../payload-types.js';
import {
  PASSWORD,
  cmsDialects,
  openTestCms,
  type Role,
  type TestCms,
} from './test-cms.test-support.js';

describe.each(cmsDialects())('data models over REST on %s', (dialect) => {
  let cms: TestCms;
  const tokens = {} as Record<Role, string>;
  let id: number;

  beforeAll(async () => {
    cms = await openTestCms(dialect, 'data-models-rest');
    for (const role of ['editor', 'viewer'] as const) {
      const login = await cms.payload.login({
        collection: 'users',
        data: { email: `${role}@data-models-rest.test`, password: PASSWORD },
      });
      tokens[role] = login.token ?? '';
    }
    const created = await send('POST', '', 'editor', {
      entityType: 'TrafficFlowObserved',
      version: '1.0.0',
      attributes: [{ name: 'intensity', kind: 'Property', valueType: 'integer' }],
    });
    expect(created.status).toBe(201);
    id = (created.body.doc as DataModel).id;
  });
  afterAll(async () => {
    await cms?.close();
  });

  async function send(method: string, path: string, role: Role, body: unknown) {
    const response = await handleEndpoints({
      config: cms.config,
      payloadInstanceCacheKey: cms.key,
      request: new Request(`http://localhost/api/data-models${path}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: `JWT ${tokens[role]}` },
        body: JSON.stringify(body),
      }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it('answers 400 with every broken rule and its field path', async () => {
    const { status, body } = await send('PATCH', `/${id}`, 'editor', {
      entityType: 'TrafficFlow',
      attributes: [{ name: 'intensity', kind: 'Property', valueType: 'number' }],
    });
    expect(status).toBe(400);
    const [error] = body.errors as { name: string; data: { errors: { path: string }[] } }[];
    expect(error?.name).toBe('ValidationError');
    expect(error?.data.errors.map((problem) => problem.path)).toEqual([
      'entityType',
      'attributes.0.valueType',
      'version',
    ]);
  });

  it('accepts a staged change and answers the appended changelog', async () => {
    const { status, body } = await send('PATCH', `/${id}`, 'editor', {
      version: '1.1.0',
      attributes: [
        { name: 'intensity', kind: 'Property', valueType: 'integer' },
        { name: 'averageVehicleSpeed', kind: 'Property', valueType: 'number', unitCode: 'KMH' },
      ],
    });
    expect(status).toBe(200);
    const doc = body.doc as DataModel;
    expect(doc.changelog?.at(-1)).toMatchObject({
      version: '1.1.0',
      author: 'editor@data-models-rest.test',
      changes: "added attribute 'averageVehicleSpeed' (number, KMH)",
    });
  });

  it('answers 403 to a viewer', async () => {
    const { status } = await send('PATCH', `/${id}`, 'viewer', { version: '9.0.0' });
    expect(status).toBe(403);
  });
});
