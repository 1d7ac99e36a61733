/**
 * Every message this package shows an operator, in one place (STYLE.md habit 5). A message
 * names what is wrong and how to fix it, and never contains the value that was read: it may be
 * a secret, and messages end up in logs.
 */
export const messages = {
  required: (fileVariable: string) =>
    `is required (set it, or ${fileVariable} to a file holding it)`,
  bothSet: (fileVariable: string) => `is set together with ${fileVariable}; set only one of them`,
  fileUnreadable: (code: string) => `names a file that cannot be read (${code})`,
  fileEmpty: () => 'names an empty file',
  noFileReader: () => 'names a file, but this program was started without a file reader',
  integer: (bounds: Bounds) => `must be an integer${describeBounds(bounds)}`,
  number: (bounds: Bounds) => `must be a number${describeBounds(bounds)}`,
  boolean: () => 'must be one of: true, false, yes, no, 1, 0',
  oneOf: (values: readonly string[]) => `must be one of: ${values.join(', ')}`,
  url: (protocols: readonly string[]) => `must be a URL with protocol ${joinOr(protocols)}`,
  duration: () => 'must be a duration such as 500ms, 30s, 5m, 1h or 1d',
  minLength: (min: number) => `must be at least ${min} characters long`,
  path: () => 'must be a file system path without NUL characters',
  header: 'Configuration is invalid:',
} as const;

export interface Bounds {
  min?: number | undefined;
  max?: number | undefined;
}

/** " between 1 and 65535", " of at least 1", " of at most 10" or "" when unbounded. */
export function describeBounds({ min, max }: Bounds): string {
  if (min !== undefined && max !== undefined) return ` between ${min} and ${max}`;
  if (min !== undefined) return ` of at least ${min}`;
  if (max !== undefined) return ` of at most ${max}`;
  return '';
}

function joinOr(items: readonly string[]): string {
  return items.length <= 1
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
