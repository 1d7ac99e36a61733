/* Payload's GraphQL API; the same access control as REST. Counted on /metrics. */
import config from '@payload-config';
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes';
import { countedRoute } from '../../../../ops/counted-route.js';

export const POST = countedRoute('/api/graphql', GRAPHQL_POST(config));
export const OPTIONS = countedRoute('/api/graphql', REST_OPTIONS(config));
