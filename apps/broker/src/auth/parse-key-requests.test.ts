import { describe, expect, it } from 'vitest';
import {
  DEFAULT_OVERLAP_MS,
  parseAuditQuery,
  parseCreateKeyRequest,
  parseRotateRequest,
} from './parse-key-requests.js';

const now = new Date('2026-01-01T00:00:00Z');

describe('parseCreateKeyRequest', () => {
  it('accepts a complete request and normalises expiresAt', () => {
    const parsed = parseCreateKeyRequest(
      {
        name: 'weather',
        scopes: [{ access: 'admin' }],
        expiresAt: '2027-01-01T01:00:00+01:00',
        rateLimit: 5,
      },
      now,
    );
    expect(parsed).toEqual({
      ok: true,
      value: {
        name: 'weather',
        scopes: [{ access: 'admin' }],
        expiresAt: '2027-01-01T00:00:00.000Z',
        rateLimit: 5,
      },
    });
  });

  it('refuses a past expiry, a negative rate and unknown members', () => {
    const parsed = parseCreateKeyRequest(
      {
        name: 'w',
        scopes: [{ access: 'admin' }],
        expiresAt: '2020-01-01T00:00:00Z',
        rateLimit: -1,
        owner: 'me',
      },
      now,
    );
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.field)).toEqual([
      'owner',
      'expiresAt',
      'rateLimit',
    ]);
  });
});

describe('parseRotateRequest', () => {
  it.each([
    [{}, DEFAULT_OVERLAP_MS],
    [{ overlap: 'PT1H30M' }, 5_400_000],
    [{ overlap: 'P1D' }, 86_400_000],
    [{ overlap: 0 }, 0],
    [{ overlap: 90 }, 90_000],
  ])('reads %j as %i ms', (body, overlapMs) => {
    expect(parseRotateRequest(body)).toEqual({ ok: true, value: { overlapMs } });
  });

  it.each([
    [{ overlap: 'P' }],
    [{ overlap: 'PT' }],
    [{ overlap: -1 }],
    [{ overlap: 'P31D' }],
    [[]],
  ])('refuses %j', (body) => {
    expect(parseRotateRequest(body).ok).toBe(false);
  });
});

describe('parseAuditQuery', () => {
  it('defaults and bounds limit and after', () => {
    expect(parseAuditQuery({})).toEqual({ ok: true, value: { limit: 100, after: 0 } });
    expect(parseAuditQuery({ limit: '1001' }).ok).toBe(false);
    expect(parseAuditQuery({ after: '-1' }).ok).toBe(false);
  });
});
