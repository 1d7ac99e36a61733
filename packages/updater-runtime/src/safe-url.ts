/**
 * URLs as they may appear in logs and error messages: no user-info, no query values (API keys
 * often travel as `?appid=…` or `?token=…`). Parameter names stay, so the URL is still recognisable.
 */

const HIDDEN = '***';

/**
 * A URL without credentials or query values.
 * @example safeUrl('https://u:p@api.example/v1/x?lat=1&appid=secret') // 'https://api.example/v1/x?lat=***&appid=***'
 */
export function safeUrl(url: string): string {
  if (!URL.canParse(url)) return '<invalid URL>';
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  parsed.hash = '';
  const names = [...parsed.searchParams.keys()];
  const search = names.map((name) => `${encodeURIComponent(name)}=${HIDDEN}`).join('&');
  parsed.search = '';
  return `${parsed.toString()}${search ? `?${search}` : ''}`;
}

/**
 * Every http(s) URL inside a text made safe: for messages built from third-party errors that may
 * quote the URL they failed on.
 * @example redactUrls('fetch https://api.example/?key=s failed') // 'fetch https://api.example/?key=*** failed'
 */
export function redactUrls(text: string): string {
  return text.replace(/https?:\/\/[^\s"'<>]+/g, (url) => safeUrl(url));
}
