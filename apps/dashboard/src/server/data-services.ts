import {
  createLiveUpdates,
  createRateLimiter,
  createTtlCache,
  type LayerAnswer,
  type LiveUpdates,
  type RateLimiter,
  type TtlCache,
} from '../proxy/index.js';

/** What every data route of one dashboard process shares. */
export interface DataServices {
  /** Layer and block answers, 5 s TTL, coalesced. */
  cache: TtlCache<LayerAnswer>;
  /** History and replay answers (temporal queries are heavier), 30 s TTL. */
  temporalCache: TtlCache<unknown>;
  rateLimiter: RateLimiter;
  /** The SSE hub: the live route adds browsers, the notify route feeds them. */
  live: LiveUpdates;
  /** Where the broker posts notifications for live layers. */
  notifyUrl: string;
}

export interface DataServicesOptions {
  /** Notify tokens are derived from it, so a restart keeps existing subscriptions valid. */
  tokenSecret: string;
  notifyUrl: string;
}

const KEY = Symbol.for('legocity.dashboard.dataServices');
type Holder = { [KEY]?: DataServices };

/**
 * The process's one set of data services. Kept on globalThis: Next may load a module once per
 * route bundle, and the live route and the notify route must share one hub.
 * @example const { cache, live } = dataServices({ tokenSecret, notifyUrl });
 */
export function dataServices(options: DataServicesOptions): DataServices {
  const holder = globalThis as Holder;
  holder[KEY] ??= createDataServices(options);
  return holder[KEY];
}

/**
 * Per client (a map page opens every layer, often several pages each, and its blocks at once),
 * and over all clients together: the client is known from X-Forwarded-For, which a visitor can
 * forge when no reverse proxy overwrites it, so the broker is protected by the overall limit.
 */
function perClientAndOverall(): RateLimiter {
  const perClient = createRateLimiter({ ratePerSecond: 20, burst: 100 });
  const overall = createRateLimiter({ ratePerSecond: 400, burst: 800, maxClients: 1 });
  return {
    take(client) {
      const decision = overall.take('all');
      return decision.isAllowed ? perClient.take(client) : decision;
    },
    check(client) {
      overall.check('all');
      perClient.check(client);
    },
  };
}

/** A fresh set (tests); `dataServices` keeps one per process. */
export function createDataServices(options: DataServicesOptions): DataServices {
  return {
    cache: createTtlCache<LayerAnswer>(),
    temporalCache: createTtlCache<unknown>({ ttlMs: 30_000 }),
    rateLimiter: perClientAndOverall(),
    live: createLiveUpdates({ tokenSecret: options.tokenSecret }),
    notifyUrl: options.notifyUrl,
  };
}
