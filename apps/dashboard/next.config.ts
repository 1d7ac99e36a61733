import { withPayload } from '@payloadcms/next/withPayload';
import type { NextConfig } from 'next';

/** Next.js settings of the dashboard; Payload adds its own through withPayload. */
const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Our sources import with `.js` extensions (NodeNext style); let webpack find the `.ts` files.
  webpack: (config: { resolve: { extensionAlias?: Record<string, string[]> } }) => {
    config.resolve.extensionAlias = {
      '.js': ['.ts', '.tsx', '.js'],
      '.mjs': ['.mts', '.mjs'],
    };
    return config;
  },
};

export default withPayload(nextConfig, { devBundleServerPackages: false });
