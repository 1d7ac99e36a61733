import { dashboardOps } from './dashboard-ops.js';

/**
 * Wrap a Next route handler (Payload's REST and GraphQL APIs) so every request is counted on
 * /metrics under `route` — a template, never a path with ids — and a thrown error counts as a
 * 500, so the CMS's server errors reach LegoCityDashboardErrors like the data routes' do.
 * @example export const GET = countedRoute('/api/[...slug]', REST_GET(config));
 */
export function countedRoute<A extends unknown[]>(
  route: string,
  handler: (request: Request, ...rest: A) => Promise<Response>,
): (request: Request, ...rest: A) => Promise<Response> {
  return async (request, ...rest) => {
    const ops = dashboardOps();
    const started = performance.now();
    const done = ops.metrics.startHttpRequest();
    let status = 500;
    try {
      const response = await handler(request, ...rest);
      status = response.status;
      return response;
    } finally {
      done();
      ops.metrics.observeHttpRequest({
        method: request.method,
        route,
        status,
        durationSeconds: (performance.now() - started) / 1000,
      });
    }
  };
}
