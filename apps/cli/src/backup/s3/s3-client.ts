import { createReadStream, createWriteStream } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { pipeline } from 'node:stream/promises';
import { checksumFile } from '../checksum.js';
import { EMPTY_SHA256, signV4, uriEncode, type S3Credentials } from './sigv4.js';

/** How to reach an S3-compatible store. */
export interface S3Options {
  /** Unset: AWS S3 in `region`, virtual-hosted (`https://<bucket>.s3.<region>.amazonaws.com`). */
  endpoint?: string | undefined;
  region: string;
  credentials: S3Credentials;
  bucket: string;
}

/** The few S3 calls a backup needs: put, list, get, delete (objects up to 5 GB: one PUT). */
export interface S3Client {
  put(key: string, file: string): Promise<void>;
  list(prefix: string): Promise<string[]>;
  get(key: string, file: string): Promise<void>;
  remove(key: string): Promise<void>;
}

/**
 * An S3 client signing every request with SigV4; a custom endpoint (MinIO, Ceph, Garage…) is
 * addressed path-style (`<endpoint>/<bucket>/<key>`). Errors name the operation, the object and
 * S3's error code, never a credential.
 * @example const s3 = s3Client({ endpoint, region: 'us-east-1', credentials, bucket: 'backups' }); await s3.put('a.tar.gz', file);
 */
export function s3Client(options: S3Options): S3Client {
  const base = options.endpoint
    ? `${options.endpoint.replace(/\/+$/, '')}/${options.bucket}`
    : `https://${options.bucket}.s3.${options.region}.amazonaws.com`;
  const urlOf = (key: string, query = '') =>
    new URL(`${base}/${key.split('/').map(uriEncode).join('/')}${query}`);
  const call = async (
    method: string,
    url: URL,
    body?: { file: string; bytes: number; sha256: string },
  ) => {
    const headers = signV4({
      method,
      url,
      headers: body
        ? { 'content-length': String(body.bytes), 'content-type': 'application/gzip' }
        : {},
      payloadSha256: body?.sha256 ?? EMPTY_SHA256,
      credentials: options.credentials,
      region: options.region,
      now: new Date(),
    });
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, {
      method,
      headers,
    });
    const answered = new Promise<IncomingMessage>((resolve, reject) => {
      request.on('response', resolve);
      request.on('error', reject);
    });
    if (body) void pipeline(createReadStream(body.file), request).catch(() => undefined);
    else request.end();
    return answered;
  };
  const fail = async (what: string, response: IncomingMessage): Promise<never> => {
    const text = await readText(response);
    const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1];
    const message = /<Message>([^<]*)<\/Message>/.exec(text)?.[1];
    throw new Error(
      `S3 ${what} failed: HTTP ${response.statusCode}${code ? ` ${code}` : ''}${message ? `: ${message}` : ''}`,
    );
  };
  const where = (key: string) => `s3://${options.bucket}/${key}`;
  return {
    async put(key, file) {
      const response = await call('PUT', urlOf(key), { file, ...(await checksumFile(file)) });
      if (response.statusCode !== 200) return fail(`upload of ${where(key)}`, response);
      await readText(response);
    },
    async list(prefix) {
      const keys: string[] = [];
      let token: string | undefined;
      do {
        const query = new URLSearchParams({
          'list-type': '2',
          prefix,
          ...(token && { 'continuation-token': token }),
        });
        const response = await call('GET', urlOf('', `?${query.toString()}`));
        if (response.statusCode !== 200) return fail(`listing of ${where(prefix)}`, response);
        const text = await readText(response);
        for (const match of text.matchAll(/<Key>([^<]*)<\/Key>/g))
          keys.push(unescapeXml(match[1]!));
        token = /<IsTruncated>true<\/IsTruncated>/.test(text)
          ? /<NextContinuationToken>([^<]*)<\/NextContinuationToken>/.exec(text)?.[1]
          : undefined;
      } while (token);
      return keys;
    },
    async get(key, file) {
      const response = await call('GET', urlOf(key));
      if (response.statusCode !== 200) return fail(`download of ${where(key)}`, response);
      await pipeline(response, createWriteStream(file, { mode: 0o600 }));
    },
    async remove(key) {
      const response = await call('DELETE', urlOf(key));
      if (response.statusCode !== 204 && response.statusCode !== 200)
        return fail(`deletion of ${where(key)}`, response);
      await readText(response);
    },
  };
}

async function readText(response: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of response) text += String(chunk);
  return text;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
