import { describe, expect, it } from 'vitest';
import { ContextProcessor, type AttributeInstance } from '@legocity/ngsi-ld';
import type { ChangeRow } from '../history/change-rows.js';
import type { StoredSubscription } from '../subscriptions/subscription-store.js';
import { matchChange } from './match-change.js';
import { resolveSubscription } from './resolved-subscription.js';
import type { ContextService } from '../contexts/context-service.js';

const V = 'https://uri.etsi.org/ngsi-ld/default-context/';
const contexts = {
  resolve: (definition: unknown) =>
    new ContextProcessor(() => Promise.reject(new Error('offline'))).resolve(
      definition as undefined,
    ),
} as unknown as ContextService;

async function subscription(body: Partial<StoredSubscription['body']>) {
  return resolveSubscription(
    {
      id: 'urn:s',
      body: { type: 'Subscription', notification: { endpoint: { uri: 'http://x/y' } }, ...body },
      context: null,
    } as StoredSubscription,
    contexts,
  );
}

const instance = (isNew: boolean): AttributeInstance => ({
  type: 'Property',
  value: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  modifiedAt: isNew ? '2026-01-01T00:00:00.000Z' : '2026-01-01T00:05:00.000Z',
});

function row(
  trigger: ChangeRow['trigger'],
  attrs: Record<string, boolean> = {},
  deleted?: string[],
): ChangeRow {
  return {
    id: 'urn:ngsi-ld:Sensor:1',
    types: [`${V}Sensor`],
    trigger,
    attrs: Object.fromEntries(
      Object.entries(attrs).map(([name, isNew]) => [`${V}${name}`, [instance(isNew)]]),
    ),
    deleted: deleted ? Object.fromEntries(deleted.map((name) => [`${V}${name}`, ['']])) : null,
    at: '2026-01-01T00:05:00.000Z',
  };
}

describe('matchChange', () => {
  it('fires on attribute creation and update by default, not on deletion', async () => {
    const s = await subscription({ entities: [{ type: 'Sensor' }] });
    expect(matchChange(s, row('entityCreated', { temperature: true }))).toBe('attributeCreated');
    expect(matchChange(s, row('entityUpdated', { temperature: false }))).toBe('attributeUpdated');
    expect(matchChange(s, row('entityUpdated', {}, ['temperature']))).toBeUndefined();
    expect(matchChange(s, row('entityDeleted'))).toBeUndefined();
  });

  it('honours notificationTrigger, entityUpdated meaning any attribute change', async () => {
    const s = await subscription({
      entities: [{ type: 'Sensor' }],
      notificationTrigger: ['entityUpdated', 'entityDeleted'],
    });
    expect(matchChange(s, row('entityUpdated', {}, ['temperature']))).toBe('entityUpdated');
    expect(matchChange(s, row('entityDeleted'))).toBe('entityDeleted');
    expect(matchChange(s, row('entityCreated', { temperature: true }))).toBeUndefined();
  });

  it('needs a watched attribute among the changed ones', async () => {
    const s = await subscription({ watchedAttributes: ['temperature'] });
    expect(matchChange(s, row('entityUpdated', { humidity: false }))).toBeUndefined();
    expect(matchChange(s, row('entityUpdated', { humidity: false, temperature: false }))).toBe(
      'attributeUpdated',
    );
  });

  it('matches entity selectors by type, id and idPattern', async () => {
    expect(
      matchChange(
        await subscription({ entities: [{ type: 'Room' }] }),
        row('entityUpdated', { t: false }),
      ),
    ).toBeUndefined();
    expect(
      matchChange(
        await subscription({ entities: [{ type: 'Sensor', id: 'urn:ngsi-ld:Sensor:2' }] }),
        row('entityUpdated', { t: false }),
      ),
    ).toBeUndefined();
    expect(
      matchChange(
        await subscription({ entities: [{ type: 'Room,Sensor', idPattern: ':1$' }] }),
        row('entityUpdated', { t: false }),
      ),
    ).toBe('attributeUpdated');
  });
});
