import type { CliConfig } from '../../config.js';
import { s3Client, type S3Client } from './s3-client.js';
import type { S3Location } from './s3-location.js';

/**
 * The S3 client the configuration describes for a location, or the problem by variable name.
 * @example const s3 = s3FromConfig(config, location);
 */
export function s3FromConfig(config: CliConfig, location: S3Location): S3Client {
  if (!config.s3AccessKeyId || !config.s3SecretAccessKey)
    throw new Error(
      'S3 needs credentials: set LEGOCITY_CLI_S3_ACCESS_KEY_ID and LEGOCITY_CLI_S3_SECRET_ACCESS_KEY (or _FILE)',
    );
  return s3Client({
    endpoint: config.s3Endpoint,
    region: config.s3Region,
    bucket: location.bucket,
    credentials: {
      accessKeyId: config.s3AccessKeyId,
      secretAccessKey: config.s3SecretAccessKey,
      sessionToken: config.s3SessionToken,
    },
  });
}
