import { describe, expect, it } from 'vitest';
import { EMPTY_SHA256, signV4 } from './sigv4.js';

// The examples of AWS's "Signature Calculations for the Authorization Header: Transferring
// Payload in a Single Chunk (AWS Signature Version 4)" (Amazon S3 API Reference).
const credentials = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};
const now = new Date('2013-05-24T00:00:00Z');
const sign = (
  method: string,
  url: string,
  headers: Record<string, string>,
  payloadSha256 = EMPTY_SHA256,
) =>
  signV4({
    method,
    url: new URL(url),
    headers,
    payloadSha256,
    credentials,
    region: 'us-east-1',
    now,
  }).authorization;
const expected = (signedHeaders: string, signature: string) =>
  `AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=${signedHeaders},Signature=${signature}`;

describe('signV4 (AWS examples)', () => {
  it('signs GET Object with a Range header', () => {
    expect(
      sign('GET', 'https://examplebucket.s3.amazonaws.com/test.txt', { Range: 'bytes=0-9' }),
    ).toBe(
      expected(
        'host;range;x-amz-content-sha256;x-amz-date',
        'f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
      ),
    );
  });

  it('signs PUT Object, encoding $ in the key', () => {
    expect(
      sign(
        'PUT',
        'https://examplebucket.s3.amazonaws.com/test$file.text',
        { Date: 'Fri, 24 May 2013 00:00:00 GMT', 'x-amz-storage-class': 'REDUCED_REDUNDANCY' },
        '44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072',
      ),
    ).toBe(
      expected(
        'date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class',
        '98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd',
      ),
    );
  });

  it('signs GET Bucket lifecycle (a parameter without a value)', () => {
    expect(sign('GET', 'https://examplebucket.s3.amazonaws.com/?lifecycle', {})).toBe(
      expected(
        'host;x-amz-content-sha256;x-amz-date',
        'fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543',
      ),
    );
  });

  it('signs GET Bucket (list objects) with its parameters sorted', () => {
    expect(sign('GET', 'https://examplebucket.s3.amazonaws.com/?prefix=J&max-keys=2', {})).toBe(
      expected(
        'host;x-amz-content-sha256;x-amz-date',
        '34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7',
      ),
    );
  });
});
