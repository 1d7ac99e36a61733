import { readFileSync, writeFileSync } from 'node:fs';
import { renderReadme } from './readme-config.js';

const path = new URL('../README.md', import.meta.url);
writeFileSync(path, renderReadme(readFileSync(path, 'utf8')));
process.stdout.write('README.md configuration tables updated\n');
