import { ProxyError } from '../proxy/index.js';
import type { DataContext } from './data-context.js';
import { resolveLayer } from './resolve-layer.js';
import { problemResponse } from './respond.js';

/**
 * GET /api/data/layers/{layerId}/live: a server-sent-event stream of the layer's changes
 * (`event: update`), fed by one broker subscription per layer. 503 when the subscription cannot
 * be made: the browser then polls with `since=`.
 * @example return layerLive(context, params.layerId, request.signal);
 */
export async function layerLive(
  context: DataContext,
  layerId: string,
  signal: AbortSignal,
): Promise<Response> {
  try {
    context.services.rateLimiter.check(context.client);
    const layer = await resolveLayer(context.payload, layerId, context.reader);
    if (!layer) throw new ProxyError('UnknownLayer', 'This layer does not exist');
    if (layer.refresh !== 'live') {
      throw new ProxyError(
        'InvalidRequest',
        'This layer refreshes on an interval; poll /api/data/layers/{id}?since= instead',
      );
    }
    const { live, notifyUrl } = context.services;
    try {
      await live.ensureSubscription(layer.config, notifyUrl);
    } catch (error) {
      context.onError?.(error, 503);
      throw new ProxyError('LiveUnavailable', 'Live updates are not available now; poll instead', {
        retryAfter: 30,
      });
    }
    return new Response(eventStream(context, layer.config.id, signal), {
      status: 200,
      headers: {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        'x-accel-buffering': 'no',
      },
    });
  } catch (error) {
    return problemResponse(error, context.onError);
  }
}

function eventStream(context: DataContext, layerId: string, signal: AbortSignal) {
  const encoder = new TextEncoder();
  let stop: (() => void) | undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (frame: string) => controller.enqueue(encoder.encode(frame));
      stop = context.services.live.subscribeLayer(layerId, send);
      const close = () => {
        stop?.();
        try {
          controller.close();
        } catch {
          // already closed by the browser going away
        }
      };
      if (signal.aborted) close();
      else signal.addEventListener('abort', close, { once: true });
    },
    cancel() {
      stop?.();
    },
  });
}
