import { fail, pass, type DrillCheck } from './drill-report.js';

/** The admin signed in to the scratch dashboard. */
export interface CmsSession {
  base: string;
  token: string;
}

/** A CMS document as the REST API lists it (depth 0). */
export interface CmsDoc {
  id: number | string;
  slug?: string;
  layers?: CmsLayer[];
}

export interface CmsLayer {
  id: string;
  label?: string;
  entityType?: string;
  q?: string | null;
  geoQuery?: { georel?: string | null } | null;
  broker?: number | string | { id: number | string };
}

const TIMEOUT_MS = 30_000;

/**
 * Sign in to the scratch CMS as the admin (POST /api/users/login): the check and the session.
 * @example const { check, session } = await adminLogin(url, 'admin@legocity.local', password);
 */
export async function adminLogin(
  base: string,
  email: string,
  password: string,
): Promise<{ check: DrillCheck; session?: CmsSession }> {
  const response = await fetch(`${base}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const body = (await response.json().catch(() => ({}))) as { token?: string };
  if (response.status !== 200 || !body.token)
    return {
      check: fail(
        'admin login',
        `${email}: HTTP ${response.status} (wrong password, or the user is not in the backup)`,
      ),
    };
  return { check: pass('admin login', email), session: { base, token: body.token } };
}

/** Every document of a collection, page by page. */
export async function listAll(session: CmsSession, slug: string): Promise<CmsDoc[]> {
  const docs: CmsDoc[] = [];
  for (let page = 1; ; page += 1) {
    const response = await cmsGet(session, `/api/${slug}?limit=100&page=${page}&depth=0`);
    if (response.status !== 200) throw new Error(`listing ${slug} failed: HTTP ${response.status}`);
    const body = (await response.json()) as { docs: CmsDoc[]; hasNextPage: boolean };
    docs.push(...body.docs);
    if (!body.hasNextPage) return docs;
  }
}

/** GET a path of the scratch dashboard as the admin (redirects are answers, not followed). */
export function cmsGet(session: CmsSession, path: string): Promise<Response> {
  return fetch(`${session.base}${path}`, {
    headers: { authorization: `JWT ${session.token}` },
    redirect: 'manual',
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
}

/** The status of a GET (0 when there was no answer), its body read and dropped. */
export async function statusOf(session: CmsSession, path: string): Promise<number> {
  const response = await cmsGet(session, path).catch(() => undefined);
  await response?.arrayBuffer().catch(() => undefined);
  return response?.status ?? 0;
}
