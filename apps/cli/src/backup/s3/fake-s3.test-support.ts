import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signV4, type S3Credentials } from './sigv4.js';

export const FAKE_S3_CREDENTIALS: S3Credentials = {
  accessKeyId: 'AKIDLEGOCITYTEST',
  secretAccessKey: 'legocity/test+secret/key',
};

/** An in-memory S3 (path-style) that checks every request's SigV4 signature and payload hash. */
export interface FakeS3 {
  endpoint: string;
  /** Objects by `bucket/key`. */
  objects: Map<string, Buffer>;
  close(): Promise<void>;
}

/**
 * Start a fake S3: PUT, GET and DELETE objects, ListObjectsV2 (two keys a page, to exercise
 * continuation). A request whose signature is not what the credentials give gets 403
 * SignatureDoesNotMatch; a body whose SHA-256 is not the signed one gets 400 XAmzContentSHA256Mismatch.
 * @example const s3 = await fakeS3(); … await s3.close();
 */
export async function fakeS3(): Promise<FakeS3> {
  const objects = new Map<string, Buffer>();
  const server = createServer((request, response) => {
    void handle(request, response, objects).catch(() => response.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    objects,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  objects: Map<string, Buffer>,
) {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const url = new URL(request.url ?? '/', `http://${request.headers.host}`);
  const signed =
    /SignedHeaders=([^,]+)/.exec(request.headers.authorization ?? '')?.[1]?.split(';') ?? [];
  const extra = Object.fromEntries(
    signed
      .filter((h) => !['host', 'x-amz-date', 'x-amz-content-sha256'].includes(h))
      .map((h) => [h, String(request.headers[h])]),
  );
  const stamp = String(request.headers['x-amz-date']);
  const expected = signV4({
    method: request.method ?? 'GET',
    url,
    headers: extra,
    payloadSha256: String(request.headers['x-amz-content-sha256']),
    credentials: FAKE_S3_CREDENTIALS,
    region: 'us-east-1',
    now: new Date(
      stamp.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'),
    ),
  }).authorization;
  if (request.headers.authorization !== expected)
    return error(response, 403, 'SignatureDoesNotMatch');
  if (createHash('sha256').update(body).digest('hex') !== request.headers['x-amz-content-sha256'])
    return error(response, 400, 'XAmzContentSHA256Mismatch');
  const [, bucket = '', ...rest] = decodeURIComponent(url.pathname).split('/');
  const key = rest.join('/');
  if (request.method === 'PUT') {
    objects.set(`${bucket}/${key}`, body);
    return response.writeHead(200).end();
  }
  if (request.method === 'DELETE') {
    objects.delete(`${bucket}/${key}`);
    return response.writeHead(204).end();
  }
  if (key === '' && url.searchParams.get('list-type') === '2')
    return list(response, objects, bucket, url.searchParams);
  const object = objects.get(`${bucket}/${key}`);
  if (!object) return error(response, 404, 'NoSuchKey');
  response.writeHead(200, { 'content-length': object.length }).end(object);
}

function list(
  response: ServerResponse,
  objects: Map<string, Buffer>,
  bucket: string,
  params: URLSearchParams,
) {
  const prefix = params.get('prefix') ?? '';
  const keys = [...objects.keys()]
    .filter((id) => id.startsWith(`${bucket}/${prefix}`))
    .map((id) => id.slice(bucket.length + 1))
    .sort();
  const start = Number(params.get('continuation-token') ?? 0);
  const page = keys.slice(start, start + 2);
  const isTruncated = start + 2 < keys.length;
  response
    .writeHead(200, { 'content-type': 'application/xml' })
    .end(
      `<ListBucketResult>${page.map((key) => `<Contents><Key>${key.replace(/&/g, '&amp;')}</Key></Contents>`).join('')}` +
        `<IsTruncated>${isTruncated}</IsTruncated>${isTruncated ? `<NextContinuationToken>${start + 2}</NextContinuationToken>` : ''}</ListBucketResult>`,
    );
}

function error(response: ServerResponse, status: number, code: string) {
  response
    .writeHead(status, { 'content-type': 'application/xml' })
    .end(`<Error><Code>${code}</Code><Message>fake S3 says ${code}</Message></Error>`);
}
