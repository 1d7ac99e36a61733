import type { Access, Where } from 'payload';
import { hasRole } from './roles.js';

const PUBLIC: Where = { public: { equals: true } };
const PUBLISHED_PUBLIC: Where = {
  and: [{ public: { equals: true } }, { _status: { equals: 'published' } }],
};

/**
 * Read access of map views: signed-in users read all, anonymous visitors only public ones.
 * @example access: { read: readPublicOrSignedIn }
 */
export const readPublicOrSignedIn: Access = ({ req }) =>
  hasRole(req.user, 'viewer') ? true : PUBLIC;

/**
 * Read access of pages (drafts on): signed-in users read all, including drafts; anonymous
 * visitors only public pages in their published version.
 * @example access: { read: readPublishedPublicOrSignedIn }
 */
export const readPublishedPublicOrSignedIn: Access = ({ req }) =>
  hasRole(req.user, 'viewer') ? true : PUBLISHED_PUBLIC;
