import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BROKER_VERSION, gitCommit } from './version.js';

describe('version', () => {
  it('reads the version from package.json', () => {
    expect(BROKER_VERSION).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('reads the commit of the checkout, as git reports it', () => {
    const expected = execFileSync('git', ['rev-parse', '--short=7', 'HEAD'], {
      encoding: 'utf8',
    }).trim();
    expect(gitCommit()).toBe(expected);
  });
});
