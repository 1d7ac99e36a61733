/**
 * The API key of the benchmark's broker: made up once per run, given to the broker as
 * LEGOCITY_BROKER_ADMIN_KEY, and inherited by the load-generating child processes through
 * LEGOCITY_BENCH_API_KEY, so every request carries `Authorization: Bearer <key>` like a real
 * client's (the auth check is part of what is measured).
 */
import { randomBytes } from 'node:crypto';

/** The run's key, created on first use. */
export function benchApiKey() {
  process.env.LEGOCITY_BENCH_API_KEY ??= `lgc_${randomBytes(8).toString('hex')}_${randomBytes(32).toString('base64url')}`;
  return process.env.LEGOCITY_BENCH_API_KEY;
}

/** Headers that authenticate a request to the benchmark's broker (none when no key was made). */
export function authHeaders() {
  const key = process.env.LEGOCITY_BENCH_API_KEY;
  return key ? { authorization: `Bearer ${key}` } : {};
}
