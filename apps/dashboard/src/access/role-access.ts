import type { FieldAccess, PayloadRequest } from 'payload';
import { hasRole } from './roles.js';

/** Signed-in users of any role (also the gate of the admin panel, which wants a boolean). */
export const isViewer = ({ req }: { req: PayloadRequest }): boolean => hasRole(req.user, 'viewer');

/** Editors and admins. */
export const isEditor = ({ req }: { req: PayloadRequest }): boolean => hasRole(req.user, 'editor');

/** Admins only. */
export const isAdmin = ({ req }: { req: PayloadRequest }): boolean => hasRole(req.user, 'admin');

/** Field-level: admins only (e.g. who may change a user's roles). */
export const isAdminField: FieldAccess = ({ req }) => hasRole(req.user, 'admin');

/** Field-level: nobody, whatever their role; server code reads the value with overrideAccess. */
export const nobody: FieldAccess = () => false;
