/**
 * Reads a GBFS auto-discovery file (`gbfs.json`): in GBFS 2.x the feeds are listed per language
 * (`data.<lang>.feeds[]`), in 3.x once (`data.feeds[]`). NABSA GBFS specification, v2.3 and v3.0,
 * section "gbfs.json".
 */

/** The feeds of a system, by name (`station_information` → its URL), and the file's ttl. */
export interface Discovery {
  /** `version` of the file; "1.0" when it has none (GBFS 1.x files carry no version). */
  version: string;
  /** The language whose feeds were chosen (2.x only). */
  language?: string;
  feeds: Record<string, string>;
  ttl?: number;
}

export type DiscoveryResult = { ok: true; value: Discovery } | { ok: false; problems: string[] };

/**
 * Checks a discovery file and returns its feeds; relative feed URLs are resolved against
 * `baseUrl`. In 2.x, `language` picks the feed list (default: `en` if listed, else the first).
 * @example readDiscovery(json, 'https://gbfs.example/gbfs.json') // { ok: true, value: { version: '3.0', feeds: { … } } }
 */
export function readDiscovery(body: unknown, baseUrl: string, language?: string): DiscoveryResult {
  if (!isObject(body) || !isObject(body.data)) {
    return { ok: false, problems: ['gbfs.json: data: expected an object'] };
  }
  const version = typeof body.version === 'string' ? body.version : '1.0';
  const ttl = typeof body.ttl === 'number' && body.ttl >= 0 ? body.ttl : undefined;
  let list: unknown;
  let chosen: string | undefined;
  if (Array.isArray(body.data.feeds)) {
    list = body.data.feeds;
  } else {
    const languages = Object.keys(body.data);
    chosen = language ?? (languages.includes('en') ? 'en' : languages[0]);
    const entry = chosen === undefined ? undefined : body.data[chosen];
    if (!isObject(entry)) {
      const known = languages.length === 0 ? 'none' : languages.join(', ');
      return {
        ok: false,
        problems: [
          `gbfs.json: data.${chosen ?? '<language>'}: no such language (listed: ${known})`,
        ],
      };
    }
    list = entry.feeds;
  }
  if (!Array.isArray(list)) return { ok: false, problems: ['gbfs.json: feeds: expected an array'] };
  const feeds: Record<string, string> = {};
  const problems: string[] = [];
  for (const [index, feed] of list.entries()) {
    if (!isObject(feed) || typeof feed.name !== 'string' || typeof feed.url !== 'string') {
      problems.push(`gbfs.json: feeds[${index}]: expected { name, url } strings`);
      continue;
    }
    try {
      feeds[feed.name] = new URL(feed.url, baseUrl).toString();
    } catch {
      problems.push(`gbfs.json: feeds[${index}].url: not a URL`);
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      version,
      feeds,
      ...(chosen === undefined ? {} : { language: chosen }),
      ...(ttl === undefined ? {} : { ttl }),
    },
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
