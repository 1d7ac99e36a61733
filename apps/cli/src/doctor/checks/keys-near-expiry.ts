import { formatAge } from '../../platform/format-table.js';
import { ok, problem, type Check, type Finding } from '../finding.js';

const CHECK = 'keys-near-expiry';
const DAY_MS = 86_400_000;

/** Active keys that expire within the warning window (fail within a day). */
export const keysNearExpiry: Check = ({ keys, now, limits }) => {
  if ('error' in keys)
    return [
      problem(
        CHECK,
        'warn',
        `Keys not checked: ${keys.error}`,
        'Give the CLI the broker admin key (LEGOCITY_CLI_ADMIN_KEY_FILE).',
      ),
    ];
  const findings: Finding[] = [];
  for (const key of keys) {
    if (key.status !== 'active' || key.expiresAt === null) continue;
    const left = Date.parse(key.expiresAt) - now.getTime();
    if (left > limits.keyExpiryWarningMs) continue;
    findings.push(
      problem(
        CHECK,
        left < DAY_MS ? 'fail' : 'warn',
        `Key ${key.name} (${key.id}) expires in ${formatAge(left)}, at ${key.expiresAt}`,
        `Make a replacement and hand it over before then: \`legocity keys rotate ${key.id}\` keeps the old secret valid for an overlap, or create a new key and revoke this one.`,
      ),
    );
  }
  const active = keys.filter((key) => key.status === 'active').length;
  return findings.length > 0 ? findings : [ok(CHECK, `${active} active keys, none expiring soon`)];
};
