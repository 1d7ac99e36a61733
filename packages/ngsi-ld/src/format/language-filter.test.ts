import { describe, expect, it } from 'vitest';
import { parseLanguageFilter, selectLanguage } from './language-filter.js';

describe('parseLanguageFilter', () => {
  it('orders ranges by quality and keeps the given order among equals', () => {
    expect(parseLanguageFilter('fr-CH,fr;q=0.9,en;q=0.8,*;q=0.5')).toEqual([
      { range: 'fr-ch', quality: 1 },
      { range: 'fr', quality: 0.9 },
      { range: 'en', quality: 0.8 },
      { range: '*', quality: 0.5 },
    ]);
    expect(parseLanguageFilter('de;q=0.5, nl').map((r) => r.range)).toEqual(['nl', 'de']);
  });

  it('drops ranges with q=0 and malformed entries', () => {
    expect(parseLanguageFilter('en;q=0,,fr;q=abc,de')).toEqual([{ range: 'de', quality: 1 }]);
  });
});

describe('selectLanguage', () => {
  const says = { en: 'yes', fr: 'oui', 'fr-CH': 'oui oui' };

  it('picks the first range that matches a tag exactly, ignoring case', () => {
    expect(selectLanguage(says, parseLanguageFilter('FR-ch,en'))).toBe('fr-CH');
  });

  it('lets a range match a narrower tag', () => {
    expect(selectLanguage({ en: 'yes', 'fr-CH': 'oui' }, parseLanguageFilter('fr'))).toBe('fr-CH');
  });

  it('takes any language for "*", preferring the default (@none)', () => {
    expect(selectLanguage({ en: 'yes', '@none': 'ja' }, parseLanguageFilter('*'))).toBe('@none');
    expect(selectLanguage(says, parseLanguageFilter('*'))).toBe('en');
  });

  it('falls back to a supported language when none matches', () => {
    expect(selectLanguage(says, parseLanguageFilter('de'))).toBe('en');
  });

  it('has nothing to pick in an empty map', () => {
    expect(selectLanguage({}, parseLanguageFilter('en'))).toBeUndefined();
  });
});
