import { describe, expect, it } from 'vitest';
import { parseCreateKeyFlags } from './parse-key-options.js';

const NOW = new Date('2026-12-07T00:00:00Z');

describe('parseCreateKeyFlags', () => {
  it('makes a write scope on the default tenant from comma-separated types', () => {
    expect(
      parseCreateKeyFlags('weather', { write: ['WeatherObserved,AirQualityObserved'] }, NOW),
    ).toEqual({
      ok: true,
      value: {
        name: 'weather',
        scopes: [
          {
            access: 'write',
            tenants: ['default'],
            entityTypes: ['WeatherObserved', 'AirQualityObserved'],
          },
        ],
      },
    });
  });

  it('turns a duration into an expiry date from now', () => {
    const parsed = parseCreateKeyFlags('r', { read: true, expires: '90d', tenant: ['city'] }, NOW);
    expect(parsed).toMatchObject({
      ok: true,
      value: {
        expiresAt: '2027-03-07T00:00:00.000Z',
        scopes: [{ access: 'read', tenants: ['city'] }],
      },
    });
  });

  it('reports every problem by flag name', () => {
    const parsed = parseCreateKeyFlags('x', { expires: 'soon', rateLimit: '-1' }, NOW);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems).toEqual([
      'give at least one of --write <types>, --read, --admin',
      expect.stringContaining('--expires must be'),
      expect.stringContaining('--rate-limit must be'),
    ]);
  });
});
