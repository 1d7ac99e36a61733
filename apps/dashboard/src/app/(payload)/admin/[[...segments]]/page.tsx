/* Every /admin view, rendered by Payload. */
import config from '@payload-config';
import { generatePageMetadata, RootPage } from '@payloadcms/next/views';
import type { Metadata } from 'next';
import { importMap } from '../importMap.js';

interface Args {
  params: Promise<{ segments: string[] }>;
  searchParams: Promise<Record<string, string | string[]>>;
}

/** Page title and description of the admin view. */
export const generateMetadata = ({ params, searchParams }: Args): Promise<Metadata> =>
  generatePageMetadata({ config, params, searchParams });

/** The admin view for the URL's segments. */
export default function Page({ params, searchParams }: Args) {
  return RootPage({ config, params, searchParams, importMap });
}
