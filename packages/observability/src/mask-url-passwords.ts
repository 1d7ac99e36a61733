// scheme://user:password@ — the password ends at the last '@' before the path, as in RFC 3986.
// The same rule as @legocity/config's maskUrlPassword; kept here so logs need no config package.
const CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/?#@]*:)[^\s/?#]*@/gi;

/**
 * Replaces the password of every URL in `text` with `***`, leaving the rest as written.
 * @example maskUrlPasswords('connect postgres://app:s3cret@db/city') // 'connect postgres://app:***@db/city'
 */
export function maskUrlPasswords(text: string): string {
  return text.includes('://') ? text.replace(CREDENTIALS, '$1***@') : text;
}
