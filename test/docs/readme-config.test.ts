import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderReadme } from '../../scripts/readme-config.js';

describe('README configuration tables', () => {
  it('match the configuration schemas (run npm run docs:config after changing a setting)', async () => {
    const path = fileURLToPath(new URL('../../README.md', import.meta.url));
    const readme = readFileSync(path, 'utf8');
    expect(await renderReadme(readme, path)).toBe(readme);
  });
});
