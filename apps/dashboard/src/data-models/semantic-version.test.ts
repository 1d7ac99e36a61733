import { describe, expect, it } from 'vitest';
import {
  compareSemanticVersions,
  nextVersion,
  parseSemanticVersion,
  type SemanticVersion,
} from './semantic-version.js';

const parse = (text: string): SemanticVersion => {
  const version = parseSemanticVersion(text);
  if (version === undefined) throw new Error(`${text} should parse`);
  return version;
};

describe('parseSemanticVersion', () => {
  it('reads a release, a pre-release and build metadata', () => {
    expect(parse('1.2.3')).toEqual({ major: '1', minor: '2', patch: '3', preRelease: [] });
    expect(parse('2.0.0-rc.1+build.7')).toEqual({
      major: '2',
      minor: '0',
      patch: '0',
      preRelease: ['rc', '1'],
    });
  });

  it('refuses what is not MAJOR.MINOR.PATCH', () => {
    for (const text of ['1', '1.0', 'v1.0.0', '01.0.0', '1.0.0-', '1.0.0-01', ' 1.0.0', '1.0.x']) {
      expect(parseSemanticVersion(text), text).toBeUndefined();
    }
  });
});

describe('compareSemanticVersions', () => {
  it('orders versions by semver precedence', () => {
    const ordered = [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
      '1.9.0',
      '1.10.0',
      '2.0.0',
      '12345678901234567890.0.0',
    ];
    for (let index = 1; index < ordered.length; index += 1) {
      const [lower, higher] = [ordered[index - 1]!, ordered[index]!];
      expect(compareSemanticVersions(parse(lower), parse(higher)), lower).toBeLessThan(0);
      expect(compareSemanticVersions(parse(higher), parse(lower)), higher).toBeGreaterThan(0);
    }
  });

  it('ignores build metadata', () => {
    expect(compareSemanticVersions(parse('1.0.0+a'), parse('1.0.0+b'))).toBe(0);
  });
});

describe('nextVersion', () => {
  it('raises the level asked for and resets the ones below', () => {
    expect(nextVersion('1.4.2', 'major')).toBe('2.0.0');
    expect(nextVersion('1.4.2', 'minor')).toBe('1.5.0');
    expect(nextVersion('1.4.2', 'patch')).toBe('1.4.3');
  });

  it('suggests the release of a pre-release, and 1.0.0 after a version that does not parse', () => {
    expect(nextVersion('2.0.0-rc.1', 'major')).toBe('2.0.0');
    expect(nextVersion('1', 'minor')).toBe('1.0.0');
  });
});
