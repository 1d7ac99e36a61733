import { isOpenRoute } from '../auth/required-access.js';
import { responseRef } from './operation-kit.js';
import type { Paths } from './openapi-types.js';

/**
 * Paths with access control described by the same rule the broker enforces
 * (auth/required-access.ts): open routes say `security: []`; every other operation answers 401,
 * 403 and 429 too. The document's default security is the bearer API key.
 * @example paths = withSecurity(paths)
 */
export function withSecurity(paths: Paths): Paths {
  return Object.fromEntries(
    Object.entries(paths).map(([path, item]) => {
      const isOpen = isOpenRoute(path);
      const secured = Object.fromEntries(
        Object.entries(item).map(([method, op]) => [
          method,
          isOpen
            ? { ...op, security: [] }
            : {
                ...op,
                responses: {
                  ...op.responses,
                  '401': responseRef('Unauthorized'),
                  '403': op.responses['403'] ?? responseRef('Forbidden'),
                  '429': responseRef('TooManyRequests'),
                },
              },
        ]),
      );
      return [path, secured];
    }),
  );
}
