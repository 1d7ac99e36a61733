import { createReadStream } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { pipeline } from 'node:stream/promises';

/** An HTTP answer, read whole (a small JSON body). */
export interface HttpAnswer {
  status: number;
  text: string;
  body: unknown;
}

/**
 * POST a file as a streamed body with no overall time limit (a large restore answers only once it
 * has committed, which can take longer than fetch's five-minute header timeout).
 * @example const answer = await postFile(`${broker}/admin/restore`, dumpFile, { authorization: `Bearer ${key}` });
 */
export async function postFile(
  url: string,
  file: string,
  headers: Record<string, string>,
): Promise<HttpAnswer> {
  const target = new URL(url);
  const request = (target.protocol === 'https:' ? httpsRequest : httpRequest)(target, {
    method: 'POST',
    headers,
  });
  const answered = new Promise<HttpAnswer>((resolve, reject) => {
    request.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, text, body: parse(text) }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
  });
  // The answer may come before the whole body was sent (a refusal): the body's error is then moot.
  const sent = pipeline(createReadStream(file), request).catch(() => undefined);
  const answer = await answered;
  await sent;
  return answer;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
