import { NOTIFY_TOKEN_HEADER, ProxyError, type LiveUpdates } from '../proxy/index.js';
import { jsonResponse, problemResponse } from './respond.js';

/** Largest notification body read, in bytes (a notification of a big batch update). */
export const MAX_NOTIFICATION_BYTES = 5 * 1024 * 1024;

/**
 * POST /api/data/notify: a broker notification for a live layer, checked against the token of
 * its subscription (401 otherwise), written to the layer's open browser connections.
 * @example return notify(services.live, request);
 */
export async function notify(
  live: LiveUpdates,
  request: Request,
  onError?: (error: unknown, status: number) => void,
): Promise<Response> {
  try {
    const length = Number(request.headers.get('content-length') ?? '0');
    if (length > MAX_NOTIFICATION_BYTES)
      throw new ProxyError(
        'InvalidRequest',
        `body: must be at most ${MAX_NOTIFICATION_BYTES} bytes`,
      );
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      throw new ProxyError('InvalidRequest', 'body: must be JSON');
    }
    const token = request.headers.get(NOTIFY_TOKEN_HEADER) ?? undefined;
    const { delivered } = live.handleNotification(body, token);
    return jsonResponse({ delivered });
  } catch (error) {
    return problemResponse(error, onError);
  }
}
