/** Where archives go in an S3-compatible store: a bucket and a key prefix (`''` or ending in `/`). */
export interface S3Location {
  bucket: string;
  prefix: string;
}

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * `s3://bucket/some/prefix` → `{ bucket: 'bucket', prefix: 'some/prefix/' }`; undefined when it
 * is not an s3:// URL; throws on an invalid bucket name.
 * @example parseS3Url('s3://city-backups/legocity') // { bucket: 'city-backups', prefix: 'legocity/' }
 */
export function parseS3Url(text: string): S3Location | undefined {
  if (!text.startsWith('s3://')) return undefined;
  const [bucket = '', ...rest] = text.slice('s3://'.length).split('/');
  if (!BUCKET.test(bucket))
    throw new Error(
      `'${bucket}' in ${text} is not an S3 bucket name (3–63 lowercase letters, digits, dots, hyphens)`,
    );
  const path = rest.filter((part) => part !== '').join('/');
  return { bucket, prefix: path === '' ? '' : `${path}/` };
}

/** `s3://bucket/prefix/` for messages and status files. */
export function formatS3Url(location: S3Location, name = ''): string {
  return `s3://${location.bucket}/${location.prefix}${name}`;
}

/**
 * `s3://bucket/path/to/object` → bucket and key; undefined when it is not an s3:// URL or names
 * no object.
 * @example parseS3Object('s3://backups/city/legocity-backup-20261207T101500Z.tar.gz')
 */
export function parseS3Object(text: string): { bucket: string; key: string } | undefined {
  const location = parseS3Url(text);
  if (!location || location.prefix === '' || text.endsWith('/')) return undefined;
  return { bucket: location.bucket, key: location.prefix.slice(0, -1) };
}
