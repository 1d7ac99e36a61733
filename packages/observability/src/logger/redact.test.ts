import { describe, expect, it } from 'vitest';
import { redactSecrets } from './redact.js';

describe('redactSecrets', () => {
  it('redacts secret keys at any depth and in any letter case', () => {
    const input = { a: { b: { c: { d: { e: { Password: 'x', API_KEY: 'y' } } } } } };
    expect(redactSecrets(input)).toEqual({
      a: { b: { c: { d: { e: { Password: '[redacted]', API_KEY: '[redacted]' } } } } },
    });
  });

  it('returns the same object when there is nothing to redact', () => {
    const input = { tenant: 'city', counts: [1, 2, 3], nested: { type: 'Device' } };
    expect(redactSecrets(input)).toBe(input);
  });

  it('cuts objects nested past the depth limit rather than writing them unredacted', () => {
    type Node = { next?: Node; password?: string };
    const deep: Node = {};
    let cursor = deep;
    for (let index = 0; index < 20; index += 1) cursor = cursor.next = {};
    cursor.password = 'hunter2';
    expect(JSON.stringify(redactSecrets(deep))).not.toContain('hunter2');
    expect(JSON.stringify(redactSecrets(deep))).toContain('[truncated]');
  });

  it('leaves class instances to their serializers, keeping their prototype', () => {
    class Request {
      get method(): string {
        return 'GET';
      }
    }
    const request = new Request();
    expect(redactSecrets({ req: request }).req).toBe(request);
  });
});
