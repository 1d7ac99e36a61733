import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderReadme } from './readme-config.js';

const path = fileURLToPath(new URL('../README.md', import.meta.url));
writeFileSync(path, await renderReadme(readFileSync(path, 'utf8'), path));
process.stdout.write('README.md configuration tables updated\n');
