import { describe, expect, it } from 'vitest';
import { redactUrls, safeUrl } from './safe-url.js';

describe('safeUrl', () => {
  it('hides query values and keeps their names', () => {
    expect(safeUrl('https://api.example/v1/x?lat=1&appid=secret')).toBe(
      'https://api.example/v1/x?lat=***&appid=***',
    );
  });

  it('drops user-info and fragments', () => {
    const safe = safeUrl('https://user:pass@api.example/x#frag');
    expect(safe).toBe('https://api.example/x');
    expect(safe).not.toContain('pass');
  });

  it('leaves a URL without query string as it is', () => {
    expect(safeUrl('http://127.0.0.1:8080/data.json')).toBe('http://127.0.0.1:8080/data.json');
  });

  it('does not echo text that is no URL', () => {
    expect(safeUrl('not a url with token=abc')).toBe('<invalid URL>');
  });
});

describe('redactUrls', () => {
  it('makes every URL inside a message safe', () => {
    const text = 'request to https://a.example/x?key=s1 and http://b:pw@b.example/?t=s2 failed';
    const redacted = redactUrls(text);
    expect(redacted).toBe(
      'request to https://a.example/x?key=*** and http://b.example/?t=*** failed',
    );
  });
});
