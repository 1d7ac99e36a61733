import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBroker, type TestBroker } from '../testing/test-broker.js';
import { testDrivers } from '../testing/test-database.js';
import {
  ENTITIES,
  NDJSON_HEADERS,
  changeLine,
  expectStatus,
  linesOf,
  resealDump,
  restoreDump,
  seedCity,
  summaryOf,
  takeBackup,
} from './backup.test-support.js';
import type { DumpEnd } from './dump-format.js';

interface Key {
  id: string;
  name: string;
  status: string;
}

describe.each(testDrivers())(
  'restore refuses what it cannot restore faithfully, on %s',
  (driver) => {
    let source: TestBroker;
    let target: TestBroker;
    let dump: string;
    let empty: DumpEnd;

    beforeAll(async () => {
      [source, target] = await Promise.all([
        startTestBroker(driver, {}, { isPrivate: true }),
        startTestBroker(driver, {}, { isPrivate: true }),
      ]);
      // A paused subscription: no delivery attempt changes the state between two summaries.
      await seedCity(source, 'http://127.0.0.1:9/notify', { isActive: false });
      dump = await takeBackup(source);
      empty = await summaryOf(target);
    });
    afterAll(async () => {
      await Promise.all([source?.close(), target?.close()]);
    });

    /** The line number (1-based) of the first line for which `match` holds. */
    const lineWhere = (match: (line: Record<string, unknown>) => boolean) =>
      linesOf(dump).findIndex(match) + 1;
    const isDefaultEntities = (value: unknown) =>
      (value as { schema?: string; name?: string } | undefined)?.name === 'entity' &&
      (value as { schema?: string }).schema === 'tenant_default';
    /** The line of the first row of tenant_default.entity (the sensor). */
    const entityRowLine = () => lineWhere((line) => isDefaultEntities(line.table)) + 1;

    /** Restoring `broken` answers 400 with a message matching `detail`; the target is unchanged. */
    async function expectRefused(broken: string, detail: RegExp): Promise<void> {
      const response = await restoreDump(target, broken);
      expect(response.status, response.text).toBe(400);
      expect(response.body).toMatchObject({ type: expect.stringContaining('BadRequestData') });
      expect((response.body as { detail: string }).detail).toMatch(detail);
      expect(await summaryOf(target)).toEqual(empty);
    }

    it('refuses a changed row: its table fails its checksum', async () => {
      const line = entityRowLine();
      const broken = changeLine(dump, line, (text) => text.replace('Sensor', 'Sensör'));
      const tableEnd = lineWhere((l) => isDefaultEntities(l.tableEnd));
      await expectRefused(
        broken,
        new RegExp(
          `^Dump line ${tableEnd} \\(table tenant_default\\.entity\\): the rows' SHA-256 is [0-9a-f]{64} but the dump states`,
        ),
      );
    });

    it('refuses a truncated dump (no end line)', async () => {
      const lines = dump.trimEnd().split('\n');
      await expectRefused(
        lines.slice(0, -1).join('\n'),
        /the dump ends without its end line: it is truncated/,
      );
      await expectRefused(lines.slice(0, 7).join('\n'), /truncated/);
    });

    it('refuses another format version', async () => {
      const broken = changeLine(dump, 1, (text) =>
        text.replace('"formatVersion":1', '"formatVersion":2'),
      );
      await expectRefused(
        broken,
        /^Dump line 1: formatVersion 2 is not supported: this broker reads version 1/,
      );
    });

    it('refuses a row with the wrong number of values', async () => {
      const line = entityRowLine();
      const broken = changeLine(dump, line, (text) => text.replace(/^\[/, '["extra",'));
      await expectRefused(
        broken,
        new RegExp(
          `^Dump line ${line} \\(table tenant_default\\.entity\\): row: has 7 values; the table has 6 columns`,
        ),
      );
    });

    it('refuses a dump from a newer broker (a migration this one does not know)', async () => {
      const broken = changeLine(dump, 1, (text) =>
        text.replace('"tenant_default":4', '"tenant_default":5'),
      );
      await expectRefused(
        broken,
        /schema tenant_default is at migration 5 but this broker knows migrations up to 4/,
      );
    });

    it('refuses lines that are not a dump, naming the line', async () => {
      await expectRefused('not json\n', /^Dump line 1: line: is not valid JSON/);
      const extra = `${dump}{"end":{"tables":[],"entities":{}}}\n`;
      await expectRefused(extra, /a line after the end line is not expected here/);
    });

    it('refuses a value its column cannot hold, naming the lines and the rule', async () => {
      const line = entityRowLine();
      const broken = resealDump(
        changeLine(dump, line, (text) => text.replace(/"\d{4}-\d\d-\d\d [^"]+"/, '"not a time"')),
      );
      await expectRefused(
        broken,
        new RegExp(
          `^Dump line ${line} \\(table tenant_default\\.entity\\): the rows on lines ${line}–${line + 1} could not be stored: a (date or time )?value is not valid`,
        ),
      );
    });

    it('refuses a dump whose end line does not list what it holds', async () => {
      const lines = dump.trimEnd().split('\n');
      const end = JSON.parse(lines.at(-1)!) as { end: DumpEnd };
      end.end.tables = end.end.tables.filter((table) => table.name !== 'jsonld_context');
      lines[lines.length - 1] = JSON.stringify(end);
      await expectRefused(
        lines.join('\n'),
        /^Dump line \d+: the end line does not list table legocity\.jsonld_context/,
      );
    });

    it('answers 415 to a body that is not NDJSON', async () => {
      const response = await target.request('POST', '/admin/restore', { body: { not: 'a dump' } });
      expect(response.status, response.text).toBe(415);
      expect((response.body as { detail: string }).detail).toMatch(
        /restore takes application\/x-ndjson/,
      );
    });

    it('restores a dump of an older tenant schema, then migrates it', async () => {
      const older = changeLine(dump, 1, (text) =>
        text.replaceAll(/"(tenant_[a-z0-9_]+)":4/g, '"$1":3'),
      );
      const response = await restoreDump(target, older);
      expect(response.status, response.text).toBe(200);
      expect(response.body).toMatchObject({ migrationsApplied: 2 });
      const { rows } = await target.broker.db.query<{ version: number }>(
        `select max(version)::int as version from legocity.schema_migration where schema_name = 'tenant_default'`,
      );
      expect(rows[0]?.version).toBe(4);
    });

    it('refuses a broker that holds data without replace=true, and replaces it with', async () => {
      // The target holds the restored city now.
      const before = await summaryOf(target);
      const refused = await restoreDump(target, dump);
      expect(refused.status, refused.text).toBe(409);
      expect((refused.body as { detail: string }).detail).toMatch(
        /^The broker is not empty \(entities: 3, history rows: \d+, subscriptions: 1, tenants: 1, hosted @contexts: 1, API keys: 1\): restore refuses to overwrite it; send \?replace=true/,
      );
      expect(await summaryOf(target)).toEqual(before);

      await expectStatus(target, 201, 'POST', ENTITIES, {
        body: { id: 'urn:ngsi-ld:Zone:extra', type: 'Zone' },
      });
      // Known to this process (cached) before the restore, absent from the backup.
      await expectStatus(target, 201, 'POST', ENTITIES, {
        headers: { 'ngsild-tenant': 'gone' },
        body: { id: 'urn:ngsi-ld:Zone:gone', type: 'Zone' },
      });
      const doomed = (
        await expectStatus(target, 201, 'POST', '/admin/keys', {
          body: { name: 'doomed', scopes: [{ access: 'read', tenants: ['*'] }] },
        })
      ).body as { key: string };
      const asDoomed = { authorization: `Bearer ${doomed.key}` };
      await expectStatus(target, 200, 'GET', '/ngsi-ld/v1/types', { headers: asDoomed });

      const replaced = await restoreDump(target, dump, { replace: 'true' });
      expect(replaced.status, replaced.text).toBe(200);
      await expectStatus(target, 404, 'GET', `${ENTITIES}/urn:ngsi-ld:Zone:extra`);
      // The process forgot what it cached: the tenant and the key are gone at once.
      const gone = await target.request('GET', ENTITIES, {
        headers: { 'ngsild-tenant': 'gone' },
        query: { type: 'Zone' },
      });
      expect(gone.status, gone.text).toBe(404);
      expect(gone.body).toMatchObject({ type: expect.stringContaining('NonexistentTenant') });
      await expectStatus(target, 401, 'GET', '/ngsi-ld/v1/types', { headers: asDoomed });
      expect((replaced.body as { callerKey: unknown }).callerKey).toMatchObject({ kept: true });
    });

    it("keeps the backup's row of the caller's key when it is the same key", async () => {
      const response = await restoreDump(source, dump, { replace: 'true' });
      expect(response.status, response.text).toBe(200);
      expect((response.body as { callerKey: unknown }).callerKey).toMatchObject({ kept: false });
    });

    it("renames the caller's key when a live key of the backup has its name", async () => {
      const keys = (await expectStatus(target, 200, 'GET', '/admin/keys')).body as Key[];
      const restored = keys.find((key) => key.name === 'dashboard-read' && key.status === 'active');
      await expectStatus(target, 200, 'POST', `/admin/keys/${restored!.id}/revoke`);
      const created = await expectStatus(target, 201, 'POST', '/admin/keys', {
        body: { name: 'dashboard-read', scopes: [{ access: 'admin' }] },
      });
      const caller = created.body as Key & { key: string };
      const response = await target.request('POST', '/admin/restore', {
        headers: { ...NDJSON_HEADERS, authorization: `Bearer ${caller.key}` },
        payload: dump,
        query: { replace: 'true' },
      });
      expect(response.status, response.text).toBe(200);
      expect((response.body as { callerKey: unknown }).callerKey).toEqual({
        id: caller.id,
        name: `dashboard-read-${caller.id}`,
        kept: true,
        renamedFrom: 'dashboard-read',
      });
      await expectStatus(target, 200, 'GET', '/admin/keys', {
        headers: { authorization: `Bearer ${caller.key}` },
      });
    });
  },
);
