import { createHash, createHmac } from 'node:crypto';

/** Credentials of an S3-compatible store. */
export interface S3Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string | undefined;
}

export interface SigningInput {
  method: string;
  url: URL;
  /** Extra headers to send and sign (e.g. content-length, content-type). */
  headers?: Record<string, string>;
  /** Hex SHA-256 of the body (the empty body's for none). */
  payloadSha256: string;
  credentials: S3Credentials;
  region: string;
  service?: string;
  now: Date;
}

/** SHA-256 (hex) of the empty body. */
export const EMPTY_SHA256 = createHash('sha256').update('').digest('hex');

/**
 * The headers of a request signed with AWS Signature Version 4 (Authorization header form):
 * the given ones plus host, x-amz-date, x-amz-content-sha256 (and x-amz-security-token), all
 * signed. Follows the S3 flavour: the path is encoded once, segment by segment.
 * @example const headers = signV4({ method: 'GET', url, payloadSha256: EMPTY_SHA256, credentials, region: 'us-east-1', now: new Date() });
 */
export function signV4(input: SigningInput): Record<string, string> {
  const service = input.service ?? 's3';
  const stamp = input.now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const day = stamp.slice(0, 8);
  const headers: Record<string, string> = {
    ...Object.fromEntries(
      Object.entries(input.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
    ),
    host: input.url.host,
    'x-amz-date': stamp,
    'x-amz-content-sha256': input.payloadSha256,
    ...(input.credentials.sessionToken && {
      'x-amz-security-token': input.credentials.sessionToken,
    }),
  };
  const names = Object.keys(headers).sort();
  const signedHeaders = names.join(';');
  const canonicalRequest = [
    input.method,
    canonicalPath(input.url.pathname),
    canonicalQuery(input.url.searchParams),
    ...names.map((name) => `${name}:${headers[name]!.trim().replace(/\s+/g, ' ')}`),
    '',
    signedHeaders,
    input.payloadSha256,
  ].join('\n');
  const scope = `${day}/${input.region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', stamp, scope, sha256(canonicalRequest)].join('\n');
  let key: Buffer = hmac(`AWS4${input.credentials.secretAccessKey}`, day);
  for (const part of [input.region, service, 'aws4_request']) key = hmac(key, part);
  const signature = createHmac('sha256', key).update(stringToSign).digest('hex');
  headers.authorization = `AWS4-HMAC-SHA256 Credential=${input.credentials.accessKeyId}/${scope},SignedHeaders=${signedHeaders},Signature=${signature}`;
  return headers;
}

/** RFC 3986 encoding: everything but A–Z a–z 0–9 - _ . ~ (what SigV4 requires). */
export function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function canonicalPath(pathname: string): string {
  return pathname
    .split('/')
    .map((segment) => uriEncode(decodeURIComponent(segment)))
    .join('/');
}

function canonicalQuery(params: URLSearchParams): string {
  return [...params.entries()]
    .map(([name, value]) => [uriEncode(name), uriEncode(value)] as const)
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}
