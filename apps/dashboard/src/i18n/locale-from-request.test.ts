import { describe, expect, it } from 'vitest';
import { localeFromRequest } from './locale-from-request.js';

describe('localeFromRequest', () => {
  it('prefers the cookie over Accept-Language', () => {
    expect(localeFromRequest('vi', 'en-US,en;q=0.9')).toBe('vi');
  });

  it('reads the cookie out of a whole Cookie header', () => {
    expect(localeFromRequest('a=1; legocity-lang=vi; b=2', 'en')).toBe('vi');
  });

  it('ignores an unknown cookie value and falls back to Accept-Language', () => {
    expect(localeFromRequest('fr', 'vi-VN,vi;q=0.9')).toBe('vi');
  });

  it('picks the best weighted language it knows', () => {
    expect(localeFromRequest(undefined, 'fr;q=1, en;q=0.4, vi;q=0.8')).toBe('vi');
  });

  it('skips languages with q=0', () => {
    expect(localeFromRequest(undefined, 'vi;q=0, en;q=0.1')).toBe('en');
  });

  it('defaults to English', () => {
    expect(localeFromRequest(undefined, undefined)).toBe('en');
    expect(localeFromRequest('', 'de-DE')).toBe('en');
  });
});
