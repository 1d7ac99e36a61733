import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONFIG_DOCS, renderConfigTables } from '../../scripts/readme-config.js';

describe('configuration tables of the READMEs', () => {
  for (const { file, tables } of CONFIG_DOCS) {
    it(`${file} matches the configuration schemas (run npm run docs:config after changing a setting)`, async () => {
      const path = fileURLToPath(new URL(`../../${file}`, import.meta.url));
      const text = readFileSync(path, 'utf8');
      expect(await renderConfigTables(text, path, tables)).toBe(text);
    });
  }
});
