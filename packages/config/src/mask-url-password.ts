// scheme://user:password@ — the password ends at the last '@' before the path, as in RFC 3986.
const CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/?#@]*:)[^\s/?#]*@/gi;

/**
 * Replaces the password of every URL in `text` with `***`, leaving the rest as written (no
 * re-serialisation, so unusual URLs are not rewritten). Text without URLs is returned unchanged.
 * @example maskUrlPassword('postgres://app:s3cret@db:5432/city') // 'postgres://app:***@db:5432/city'
 */
export function maskUrlPassword(text: string): string {
  return text.includes('://') ? text.replace(CREDENTIALS, '$1***@') : text;
}
