import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CONFIG_DOCS, renderConfigTables } from './readme-config.js';

for (const { file, tables } of CONFIG_DOCS) {
  const path = fileURLToPath(new URL(`../${file}`, import.meta.url));
  writeFileSync(path, await renderConfigTables(readFileSync(path, 'utf8'), path, tables));
  process.stdout.write(`${file}: configuration tables updated\n`);
}
