/**
 * Semantic versions (https://semver.org, 2.0.0) of data models: parse, order, and the next
 * version to suggest in a message. No dependency: the grammar is small and fixed.
 */

/** A parsed semantic version; numbers stay text so that no size is too large to compare. */
export interface SemanticVersion {
  major: string;
  minor: string;
  patch: string;
  /** Pre-release identifiers (`1.0.0-rc.1` → ['rc', '1']); empty for a release. */
  preRelease: string[];
}

/** The level a change raises: removing something is major, adding minor, wording patch. */
export type VersionBump = 'major' | 'minor' | 'patch';

const NUMBER = '0|[1-9]\\d*';
const IDENTIFIER = `(?:${NUMBER}|\\d*[a-zA-Z-][0-9a-zA-Z-]*)`;
const SEMANTIC_VERSION = new RegExp(
  `^(${NUMBER})\\.(${NUMBER})\\.(${NUMBER})` +
    `(?:-(${IDENTIFIER}(?:\\.${IDENTIFIER})*))?` +
    `(?:\\+[0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*)?$`,
);
const NUMERIC = /^\d+$/;

/**
 * Parse `MAJOR.MINOR.PATCH[-pre.release][+build]`; undefined when the text is not one.
 * @example parseSemanticVersion('1.2.0-rc.1') // { major: '1', minor: '2', patch: '0', preRelease: ['rc', '1'] }
 */
export function parseSemanticVersion(text: string): SemanticVersion | undefined {
  const match = SEMANTIC_VERSION.exec(text);
  if (!match) return undefined;
  const [, major = '0', minor = '0', patch = '0', preRelease] = match;
  return { major, minor, patch, preRelease: preRelease === undefined ? [] : preRelease.split('.') };
}

/**
 * Order two versions by semver precedence (build metadata is ignored): negative when `a` comes
 * first, 0 when equal, positive when `a` is higher.
 * @example compareSemanticVersions(parse('1.10.0'), parse('1.9.0')) > 0 // true
 */
export function compareSemanticVersions(a: SemanticVersion, b: SemanticVersion): number {
  return (
    compareNumbers(a.major, b.major) ||
    compareNumbers(a.minor, b.minor) ||
    compareNumbers(a.patch, b.patch) ||
    comparePreReleases(a.preRelease, b.preRelease)
  );
}

/**
 * The lowest release above `current` at the given level; `1.0.0` when `current` is not a version.
 * @example nextVersion('1.4.2', 'minor') // '1.5.0'
 */
export function nextVersion(current: string, bump: VersionBump): string {
  const parsed = parseSemanticVersion(current);
  if (!parsed) return '1.0.0';
  const { major, minor, patch } = parsed;
  // A pre-release of x.y.z is below x.y.z: its release is the next version at any level.
  if (parsed.preRelease.length > 0) return `${major}.${minor}.${patch}`;
  if (bump === 'major') return `${increment(major)}.0.0`;
  if (bump === 'minor') return `${major}.${increment(minor)}.0`;
  return `${major}.${minor}.${increment(patch)}`;
}

function compareNumbers(a: string, b: string): number {
  // No leading zeros (the grammar forbids them): a longer number is larger.
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

function comparePreReleases(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return b.length - a.length; // a release beats its pre-releases
  for (let index = 0; index < Math.min(a.length, b.length); index += 1) {
    const order = compareIdentifiers(a[index] ?? '', b[index] ?? '');
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

function compareIdentifiers(a: string, b: string): number {
  const aNumeric = NUMERIC.test(a);
  const bNumeric = NUMERIC.test(b);
  if (aNumeric && bNumeric) return compareNumbers(a, b);
  if (aNumeric !== bNumeric) return aNumeric ? -1 : 1; // numeric identifiers sort first
  return a < b ? -1 : a > b ? 1 : 0;
}

function increment(number: string): string {
  return (BigInt(number) + 1n).toString();
}
