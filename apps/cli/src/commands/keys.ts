import { adminKeyOf } from '../config.js';
import { parseCreateKeyFlags, type CreateKeyFlags } from '../keys/parse-key-options.js';
import { formatKeys, type KeyListItem } from '../keys/format-keys.js';
import { brokerAdmin, describeFailure, type BrokerAdmin } from '../platform/broker-admin.js';
import { EXIT, loadCliConfig, type Output } from './context.js';

const KEY_ID = /^[0-9a-f]{16}$/;

/** `legocity keys list|create|rotate|revoke`: update-server keys through the broker's admin API. */
export const keysCommands = {
  async list(options: { json?: boolean }, output: Output): Promise<number> {
    return withAdmin(output, async (admin) => {
      const result = await admin.call<KeyListItem[]>('GET', '/admin/keys');
      if (!result.ok || result.status !== 200)
        return fail(output, 'listing keys', describeFailure(result));
      output.out(
        options.json ? `${JSON.stringify(result.body, null, 2)}\n` : formatKeys(result.body),
      );
      return EXIT.ok;
    });
  },

  async create(name: string, flags: CreateKeyFlags, output: Output): Promise<number> {
    const parsed = parseCreateKeyFlags(name, flags, new Date());
    if (!parsed.ok) {
      output.err(`legocity keys create: ${parsed.problems.join('\n  ')}\n`);
      return EXIT.usage;
    }
    return withAdmin(output, async (admin) => {
      const result = await admin.call<{ id: string; key: string }>(
        'POST',
        '/admin/keys',
        parsed.value,
      );
      if (!result.ok || result.status !== 201)
        return fail(output, `creating key ${name}`, describeFailure(result));
      output.err(
        `Created key ${name} (${result.body.id}). The secret below is shown once: store it now.\n`,
      );
      output.out(`${result.body.key}\n`);
      return EXIT.ok;
    });
  },

  async rotate(id: string, options: { overlap?: string }, output: Output): Promise<number> {
    if (!KEY_ID.test(id))
      return usage(
        output,
        `key id '${id}' must be 16 hexadecimal characters (see \`legocity keys list\`)`,
      );
    return withAdmin(output, async (admin) => {
      const body = options.overlap === undefined ? {} : { overlap: options.overlap };
      const result = await admin.call<{ key: string; previousSecretValidUntil?: string }>(
        'POST',
        `/admin/keys/${id}/rotate`,
        body,
      );
      if (!result.ok || result.status !== 200)
        return fail(output, `rotating key ${id}`, describeFailure(result));
      output.err(
        `Rotated key ${id}. The old secret keeps working until ${result.body.previousSecretValidUntil ?? 'now'}; the new one below is shown once.\n`,
      );
      output.out(`${result.body.key}\n`);
      return EXIT.ok;
    });
  },

  async revoke(id: string, output: Output): Promise<number> {
    if (!KEY_ID.test(id))
      return usage(
        output,
        `key id '${id}' must be 16 hexadecimal characters (see \`legocity keys list\`)`,
      );
    return withAdmin(output, async (admin) => {
      const result = await admin.call('POST', `/admin/keys/${id}/revoke`);
      if (!result.ok || result.status >= 300)
        return fail(output, `revoking key ${id}`, describeFailure(result));
      output.err(`Revoked key ${id}: it stops working at once.\n`);
      return EXIT.ok;
    });
  },
};

async function withAdmin(
  output: Output,
  run: (admin: BrokerAdmin) => Promise<number>,
): Promise<number> {
  const config = loadCliConfig(output);
  if (!config) return EXIT.usage;
  const key = adminKeyOf(config);
  if (!key)
    return usage(
      output,
      'no broker admin key: set LEGOCITY_CLI_ADMIN_KEY_FILE (or run where `<dataDir>/broker/admin.key` exists)',
    );
  return run(brokerAdmin(config.brokerUrl, key, config.timeout));
}

function fail(output: Output, doing: string, why: string): number {
  output.err(`legocity keys: ${doing} failed: ${why}\n`);
  return EXIT.problem;
}

function usage(output: Output, message: string): number {
  output.err(`legocity keys: ${message}\n`);
  return EXIT.usage;
}
