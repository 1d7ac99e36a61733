import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNotificationSink, type NotificationSink } from '../testing/notification-sink.js';
import { startTestBroker, type TestBroker } from '../testing/test-broker.js';
import { testDrivers } from '../testing/test-database.js';
import {
  ENTITIES,
  RESTORE_BOOKKEEPING,
  answersOf,
  endOf,
  expectStatus,
  linesOf,
  restoreDump,
  seedCity,
  summaryOf,
  tablesOf,
  type City,
} from './backup.test-support.js';
import type { DumpEnd } from './dump-format.js';

const FAST_NOTIFIER = {
  LEGOCITY_BROKER_NOTIFY_POLL: '200ms',
  LEGOCITY_BROKER_NOTIFY_MAX_BACKOFF: '1s',
};

describe.each(testDrivers())('backup and restore of a whole broker on %s', (driver) => {
  let source: TestBroker;
  let target: TestBroker;
  let sink: NotificationSink;
  let city: City;
  let dump: string;
  let before: DumpEnd;
  let isSourceOpen = true;

  beforeAll(async () => {
    sink = await startNotificationSink();
    [source, target] = await Promise.all([
      startTestBroker(driver, FAST_NOTIFIER, { isPrivate: true }),
      startTestBroker(driver, FAST_NOTIFIER, { isPrivate: true }),
    ]);
    city = await seedCity(source, sink.url);
    // Created, then three updates: every notification is out before the backup (empty outbox).
    await sink.waitFor((received) => received.length === 4);
    before = await summaryOf(source);
    dump = (await expectStatus(source, 200, 'GET', '/admin/backup')).text;
  });
  afterAll(async () => {
    await Promise.all([isSourceOpen ? source?.close() : undefined, target?.close()]);
    await sink?.stop();
  });

  it('streams NDJSON: a header, every table between its table and tableEnd lines, an end line', () => {
    const lines = linesOf(dump);
    expect(lines[0]).toMatchObject({
      format: 'legocity-broker-dump',
      formatVersion: 1,
      driver,
      migrations: { global: 4, tenants: { tenant_default: 4 } },
    });
    const tables = lines
      .filter((line) => 'table' in line)
      .map((line) => line.table as { schema: string; name: string; columns: { name: string }[] });
    const names = tables.map((table) => `${table.schema}.${table.name}`);
    expect(names.slice(0, 4)).toEqual([
      'legocity.api_key',
      'legocity.audit_event',
      'legocity.jsonld_context',
      'legocity.tenant',
    ]);
    expect(names).toContain('tenant_default.entity_change');
    // Referenced tables come first, so a restore inserts them in order.
    expect(names.indexOf('tenant_default.entity')).toBeLessThan(
      names.indexOf('tenant_default.geo_attribute'),
    );
    expect(names.indexOf('tenant_default.subscription')).toBeLessThan(
      names.indexOf('tenant_default.notification_outbox'),
    );
    // Derived state is left out: migration records, the notifier's position, transaction ids.
    expect(
      names.some((name) => name.endsWith('schema_migration') || name.endsWith('notifier_cursor')),
    ).toBe(false);
    const changes = tables.find((table) => table.name === 'entity_change')!;
    expect(changes.columns.map((c) => c.name)).not.toContain('txid');
    expect(endOf(dump)).toEqual(before);
    expect(before.entities).toEqual({
      _default: {
        'https://uri.etsi.org/ngsi-ld/default-context/Sensor': 1,
        'https://uri.etsi.org/ngsi-ld/default-context/Zone': 1,
      },
      [`city-b`]: { 'https://uri.etsi.org/ngsi-ld/default-context/Vehicle': 1 },
    });
  });

  it('never shows a key secret, and audits the backup', async () => {
    expect(dump).not.toContain(city.readKey);
    expect(dump).not.toContain(source.adminKey);
    const audit = (await expectStatus(source, 200, 'GET', '/admin/audit')).body as {
      action: string;
    }[];
    expect(audit.map((event) => event.action)).toContain('backup.created');
  });

  it('restores into a fresh broker: the same tables, rows and checksums, the same answers', async () => {
    const expected = await answersOf(source, city);
    const response = await restoreDump(target, dump);
    expect(response.status, response.text).toBe(200);
    const result = response.body as {
      tables: { schema: string; name: string; rows: number }[];
      entities: unknown;
      durationMs: number;
      callerKey: unknown;
    };
    expect(result.tables).toEqual(
      before.tables.map(({ schema, name, rows }) => ({ schema, name, rows })),
    );
    expect(result.entities).toEqual(before.entities);
    expect(result.durationMs).toBeGreaterThan(0);
    expect(result.callerKey).toMatchObject({ kept: true });

    const after = tablesOf(await summaryOf(target));
    for (const [label, table] of tablesOf(before)) {
      if (RESTORE_BOOKKEEPING.includes(label))
        expect(after.get(label)?.rows, label).toBe(table.rows + 1);
      else expect(after.get(label), label).toEqual(table);
    }
    const answers = await answersOf(target, city);
    const callerKey = (answers.keys as { name: string }[]).filter(
      (key) => !(expected.keys as { name: string }[]).some((k) => k.name === key.name),
    );
    expect(callerKey).toHaveLength(1);
    expect({
      ...answers,
      keys: (answers.keys as unknown[]).filter(
        (key) => !callerKey.includes(key as { name: string }),
      ),
    }).toEqual(expected);
  });

  it('lets the backed-up keys in, audits the restore', async () => {
    await expectStatus(target, 200, 'GET', ENTITIES, {
      query: { type: 'Sensor' },
      headers: { authorization: `Bearer ${city.readKey}` },
    });
    const audit = (
      await expectStatus(target, 200, 'GET', '/admin/audit', { query: { limit: '1000' } })
    ).body as { action: string }[];
    expect(audit.at(-1)).toMatchObject({ action: 'backup.restored', outcome: 'success' });
  });

  it('goes on writing after the restore: new rows, history and audit events, one notification per change', async () => {
    const notified = sink.received.length;
    await expectStatus(target, 204, 'PATCH', `${ENTITIES}/${city.sensor}/attrs`, {
      body: {
        temperature: { type: 'Property', value: 30.5, observedAt: '2024-05-01T11:00:00.000Z' },
      },
    });
    await expectStatus(target, 201, 'POST', ENTITIES, {
      body: { id: 'urn:ngsi-ld:Zone:z2', type: 'Zone' },
    });
    await expectStatus(target, 201, 'POST', '/admin/keys', {
      body: { name: 'after-restore', scopes: [{ access: 'admin' }] },
    });
    const history = (
      await expectStatus(target, 200, 'GET', `/ngsi-ld/v1/temporal/entities/${city.sensor}`)
    ).body as { temperature: { value: number }[] };
    expect(history.temperature.map((instance) => instance.value)).toEqual([
      20.5, 21, 22.25, 19, 30.5,
    ]);
    // The restored history is not notified again; the new change is, once.
    await sink.waitFor((received) => received.length > notified);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const fresh = sink.received.slice(notified).flatMap((r) => r.body.data);
    expect(fresh).toHaveLength(1);
    expect(fresh[0]).toMatchObject({ id: city.sensor, temperature: { value: 30.5 } });
  });

  it('delivers the notifications that were still queued at backup time', async () => {
    sink.failWith = 503;
    const failing = sink.received.length;
    await expectStatus(source, 204, 'PATCH', `${ENTITIES}/${city.sensor}/attrs`, {
      body: { temperature: { type: 'Property', value: -5 } },
    });
    // The source queued the notification and failed to deliver it: it waits in the outbox.
    const url = `/ngsi-ld/v1/subscriptions/${city.subscription}`;
    for (let tries = 0; ; tries += 1) {
      const { body } = await expectStatus(source, 200, 'GET', url);
      if (((body as { notification: { timesFailed?: number } }).notification.timesFailed ?? 0) > 0)
        break;
      expect(tries).toBeLessThan(100);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const queued = (await expectStatus(source, 200, 'GET', '/admin/backup')).text;
    await source.close();
    isSourceOpen = false;
    sink.failWith = undefined;
    const response = await restoreDump(target, queued, { replace: 'true' });
    expect(response.status, response.text).toBe(200);
    await sink.waitFor((received) => received.length > failing);
    expect(sink.received.slice(failing).flatMap((r) => r.body.data)).toEqual([
      expect.objectContaining({ id: city.sensor, temperature: { type: 'Property', value: -5 } }),
    ]);
  });
});
