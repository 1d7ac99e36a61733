import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));

/** Every module specifier imported by a source file and, for relative ones, by their imports. */
async function importsOf(file: string, seen = new Set<string>()): Promise<string[]> {
  if (seen.has(file)) return [];
  seen.add(file);
  const source = await readFile(join(here, file), 'utf8');
  const specifiers = [...source.matchAll(/from '([^']+)'/g)].map((match) => match[1]!);
  const nested = await Promise.all(
    specifiers
      .filter((specifier) => specifier.startsWith('./'))
      .map((specifier) => importsOf(specifier.replace(/\.js$/, '.ts'), seen)),
  );
  return [...specifiers, ...nested.flat()];
}

describe('@legocity/basemap/style', () => {
  it('imports nothing from Node or npm, so client bundles can use it', async () => {
    const external = (await importsOf('browser.ts')).filter((name) => !name.startsWith('./'));
    expect(external).toEqual([]);
  });

  it('is exported by the package as ./style', async () => {
    const manifest = JSON.parse(await readFile(join(here, '..', 'package.json'), 'utf8'));
    expect(manifest.exports['./style'].source).toBe('./src/browser.ts');
  });
});
