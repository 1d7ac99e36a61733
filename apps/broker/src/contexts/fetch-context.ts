import { NgsiLdError, type JsonValue } from '@legocity/ngsi-ld';

export interface FetchContextOptions {
  timeoutMs: number;
  maxBytes: number;
  fetch?: typeof fetch;
}

/**
 * Download a remote @context document (JSON) with a short timeout and a size cap.
 * Any failure is LdContextNotAvailable (503) naming the URL (§5.5.4).
 * @example const document = await fetchContextDocument('https://example.org/ctx.jsonld', { timeoutMs: 3000, maxBytes: 1e6 })
 */
export async function fetchContextDocument(
  url: string,
  options: FetchContextOptions,
): Promise<JsonValue> {
  const fail = (why: string) =>
    new NgsiLdError('LdContextNotAvailable', `@context ${url} could not be retrieved: ${why}`, {
      field: '@context',
    });
  if (!/^https?:\/\//i.test(url)) throw fail('only http(s) URLs can be fetched');
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, {
      headers: { accept: 'application/ld+json, application/json;q=0.9' },
      redirect: 'follow',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    throw fail(
      timedOut ? `no answer within ${options.timeoutMs} ms` : 'the server could not be reached',
    );
  }
  if (!response.ok) throw fail(`the server answered ${response.status}`);
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > options.maxBytes) throw fail(`it is larger than ${options.maxBytes} bytes`);
  const text = await response.text();
  if (Buffer.byteLength(text) > options.maxBytes)
    throw fail(`it is larger than ${options.maxBytes} bytes`);
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    throw fail('it is not valid JSON');
  }
}
