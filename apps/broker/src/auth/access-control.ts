import type { NgsiLdError } from '@legocity/ngsi-ld';
import type { Logger, Metrics } from '@legocity/observability';
import type { EntityChange, WriteGuard } from '../broker-context.js';
import type { Database } from '../storage/database.js';
import { apiKeyStore } from './api-key-store.js';
import { forbidden, tooManyRequests, unauthorized } from './auth-errors.js';
import { Authenticator, type Principal } from './authenticator.js';
import { DenialRecorder } from './denial-recorder.js';
import type { Denial, DenyReason } from './deny-reason.js';
import { RateLimiter } from './rate-limiter.js';
import type { RequiredAccess } from './required-access.js';
import { writeGuardFor } from './write-guard.js';

export interface AccessControlOptions {
  db: Database;
  logger: Logger;
  metrics: Metrics;
  /** Requests per second per key and process; 0 = unlimited. */
  rateLimit: number;
  rateBurst?: number | undefined;
  /** Key rows are re-read after this long (the revocation delay); default 2 s. */
  cacheTtlMs?: number;
  /** Denied requests: one audit row per key and reason per window; default 10 s. */
  auditWindowMs?: number;
}

/** What access control needs to know of a request (no HTTP types). */
export interface AccessRequest {
  method: string;
  path: string;
  required: RequiredAccess;
  /** The key sent, without its scheme. */
  credential: string | undefined;
}

/** A refused request: the error to answer with and, for 429, when to come back. */
export type Admission =
  | { ok: true; principal: Principal | undefined }
  | { ok: false; error: NgsiLdError; retryAfterSeconds?: number };

const LAST_USED_EVERY_MS = 60_000;

/**
 * API keys, scopes and rate limits for every request (docs/security.md): authenticate the key
 * (cached), check the scope the route needs, take from the key's token bucket, and record refusals
 * in the audit log (throttled) and the auth failures metric.
 * @example const admission = await control.admit({ method, path, required, credential })
 */
export class AccessControl {
  readonly authenticator: Authenticator;
  private readonly limiter: RateLimiter;
  private readonly denials: DenialRecorder;
  private readonly failures;
  private readonly lastUsed = new Map<string, number>();
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly options: AccessControlOptions) {
    this.authenticator = new Authenticator(options.db, { cacheTtlMs: options.cacheTtlMs ?? 2_000 });
    this.limiter = new RateLimiter({ ratePerSecond: options.rateLimit, burst: options.rateBurst });
    this.denials = new DenialRecorder(options.db, {
      windowMs: options.auditWindowMs,
      onError: (err: unknown) => options.logger.warn({ err }, 'Could not write an audit event'),
    });
    this.failures = options.metrics.counter({
      name: 'auth_failures_total',
      help: 'Requests refused by access control (401, 403, 429), by reason.',
      labelNames: ['reason'],
    });
  }

  async admit(request: AccessRequest): Promise<Admission> {
    const { required } = request;
    if (required.kind === 'open') return { ok: true, principal: undefined };
    const authentication = await this.authenticator.authenticate(request.credential);
    if (!authentication.ok) {
      const { reason, keyId, keyName } = authentication;
      this.deny({ ...request, reason, status: 401, keyId, keyName });
      return { ok: false, error: unauthorized(reason) };
    }
    const { principal } = authentication;
    const refusal = refusalOf(principal, required);
    if (refusal) {
      this.deny({
        ...request,
        ...refusal,
        status: 403,
        keyId: principal.keyId,
        keyName: principal.name,
      });
      return { ok: false, error: forbidden(refusal.detail) };
    }
    const decision = this.limiter.take(
      principal.keyId,
      principal.rateLimit ?? this.options.rateLimit,
    );
    if (!decision.ok) {
      const { retryAfterSeconds } = decision;
      this.deny({
        ...request,
        reason: 'rate-limited',
        status: 429,
        keyId: principal.keyId,
        keyName: principal.name,
      });
      return {
        ok: false,
        error: tooManyRequests(principal.name, retryAfterSeconds),
        retryAfterSeconds,
      };
    }
    this.markUsed(principal.keyId);
    return { ok: true, principal };
  }

  /**
   * The write guard of a caller: refusals of entity types are audited and counted too.
   * @example const ctx = { ...base, writeGuard: control.writeGuard(principal, 'POST', path) }
   */
  writeGuard(principal: Principal, method: string, path: string): WriteGuard | undefined {
    return writeGuardFor(principal, (error: NgsiLdError, change: EntityChange) =>
      this.deny({
        reason: error.field === 'type' ? 'entity-type' : 'tenant',
        status: 403,
        keyId: principal.keyId,
        keyName: principal.name,
        method,
        path,
        tenant: change.tenant,
        detail: error.message,
      }),
    );
  }

  /** Write pending audit events and last-used times. */
  async close(): Promise<void> {
    await this.denials.flush();
    await Promise.all([...this.pending]);
  }

  private deny(denial: Denial & { required?: RequiredAccess }): void {
    this.failures.inc({ reason: denial.reason });
    const tenant =
      denial.required && 'tenant' in denial.required ? denial.required.tenant : denial.tenant;
    this.denials.record({
      reason: denial.reason,
      status: denial.status,
      keyId: denial.keyId,
      keyName: denial.keyName,
      method: denial.method,
      path: denial.path,
      tenant,
      detail: denial.detail,
    });
  }

  private markUsed(keyId: string): void {
    const now = Date.now();
    if (now - (this.lastUsed.get(keyId) ?? 0) < LAST_USED_EVERY_MS) return;
    this.lastUsed.set(keyId, now);
    const write = apiKeyStore
      .touch(this.options.db, [keyId], new Date(now).toISOString())
      .catch((err: unknown) => this.options.logger.warn({ err }, 'Could not record key use'))
      .finally(() => this.pending.delete(write));
    this.pending.add(write);
  }
}

function refusalOf(
  principal: Principal,
  required: RequiredAccess,
): { reason: DenyReason; detail: string } | undefined {
  const { access, name } = principal;
  const tenantName = (tenant: string) => `'${tenant || 'default'}'`;
  switch (required.kind) {
    case 'open':
    case 'key':
      return undefined;
    case 'admin':
      return access.isAdmin
        ? undefined
        : { reason: 'scope', detail: `API key '${name}' needs the admin scope for this request` };
    case 'write-any-tenant':
      return access.canWriteAnyTenant()
        ? undefined
        : { reason: 'scope', detail: `API key '${name}' needs a write scope for this request` };
    case 'read':
      if (access.canRead(required.tenant)) return undefined;
      return {
        reason: 'tenant',
        detail: `API key '${name}' may not read tenant ${tenantName(required.tenant)}`,
      };
    case 'write':
      if (access.canWrite(required.tenant)) return undefined;
      return access.canRead(required.tenant)
        ? {
            reason: 'scope',
            detail: `API key '${name}' may only read tenant ${tenantName(required.tenant)}, not write`,
          }
        : {
            reason: 'tenant',
            detail: `API key '${name}' may not write tenant ${tenantName(required.tenant)}`,
          };
  }
}
