/* Payload's REST API under /api; access control runs on every request. Counted on /metrics. */
import config from '@payload-config';
import '@payloadcms/next/css';
import {
  REST_DELETE,
  REST_GET,
  REST_OPTIONS,
  REST_PATCH,
  REST_POST,
  REST_PUT,
} from '@payloadcms/next/routes';
import { countedRoute } from '../../../../ops/counted-route.js';

const ROUTE = '/api/[...slug]';

export const GET = countedRoute(ROUTE, REST_GET(config));
export const POST = countedRoute(ROUTE, REST_POST(config));
export const DELETE = countedRoute(ROUTE, REST_DELETE(config));
export const PATCH = countedRoute(ROUTE, REST_PATCH(config));
export const PUT = countedRoute(ROUTE, REST_PUT(config));
export const OPTIONS = countedRoute(ROUTE, REST_OPTIONS(config));
