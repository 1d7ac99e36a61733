import type { NotificationMessage } from './notification-message.js';

/**
 * POST a notification to an http(s) endpoint; resolves when the receiver answered 2xx, throws
 * otherwise (status, timeout, connection refused). Credentials in the URL become Basic auth.
 * @example await sendHttp('http://sink:8080/notify', message, 10_000)
 */
export async function sendHttp(
  uri: string,
  message: NotificationMessage,
  timeoutMs: number,
): Promise<void> {
  const url = new URL(uri);
  const headers = { ...message.headers };
  if (url.username || url.password) {
    const user = decodeURIComponent(url.username);
    const password = decodeURIComponent(url.password);
    headers.authorization ??= `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    url.username = '';
    url.password = '';
  }
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers,
      body: JSON.stringify(message.body),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'manual',
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    const name = (error as Error).name;
    throw new Error(
      name === 'TimeoutError'
        ? `no answer within ${timeoutMs} ms`
        : `cannot reach the endpoint${cause ? ` (${cause})` : ''}`,
    );
  }
  await response.body?.cancel().catch(() => undefined);
  if (response.status < 200 || response.status > 299)
    throw new Error(`the endpoint answered HTTP ${response.status}`);
}
