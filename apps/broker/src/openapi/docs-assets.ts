import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { NgsiLdError } from '@legocity/ngsi-ld';
import { DOCS_INIT_SCRIPT, OPENAPI_PATH } from './docs-page.js';

export interface DocsAsset {
  file: string;
  contentType: string;
  description: string;
  /** Where the bytes come from: swagger-ui-dist in node_modules, or this module. */
  source: 'swagger-ui-dist' | 'broker';
}

/** Every file the docs page loads; each is served by its own route, nothing else is. */
export const DOCS_ASSETS: readonly DocsAsset[] = [
  {
    file: 'swagger-ui.css',
    contentType: 'text/css; charset=utf-8',
    description: 'Swagger UI style sheet (swagger-ui-dist).',
    source: 'swagger-ui-dist',
  },
  {
    file: 'swagger-ui-bundle.js',
    contentType: 'text/javascript; charset=utf-8',
    description: 'Swagger UI (swagger-ui-dist).',
    source: 'swagger-ui-dist',
  },
  {
    file: 'docs-init.js',
    contentType: 'text/javascript; charset=utf-8',
    description: "Starts Swagger UI on this broker's openapi.json.",
    source: 'broker',
  },
];

const cache = new Map<string, Buffer>();

/**
 * The bytes of a docs asset, read once from swagger-ui-dist (no network, no CDN) and kept.
 * NotFound when swagger-ui-dist is not installed, so the broker still starts without it.
 * @example const css = await readDocsAsset(DOCS_ASSETS[0])
 */
export async function readDocsAsset(asset: DocsAsset): Promise<Buffer> {
  const cached = cache.get(asset.file);
  if (cached) return cached;
  const bytes =
    asset.source === 'broker'
      ? Buffer.from(DOCS_INIT_SCRIPT, 'utf8')
      : await readSwaggerUiFile(asset.file);
  cache.set(asset.file, bytes);
  return bytes;
}

async function readSwaggerUiFile(file: string): Promise<Buffer> {
  try {
    // absolute-path.js is swagger-ui-dist's getAbsoluteFSPath, without loading its 1.7 MB bundle.
    const require = createRequire(import.meta.url);
    const getAbsoluteFSPath = require('swagger-ui-dist/absolute-path.js') as () => string;
    return await readFile(join(getAbsoluteFSPath(), file));
  } catch {
    throw new NgsiLdError(
      'ResourceNotFound',
      `The API docs asset ${file} is not installed (swagger-ui-dist is missing); ${OPENAPI_PATH} is still available`,
    );
  }
}
