import type { Access } from 'payload';
import { hasRole, type RoleHolder } from './roles.js';

/**
 * Admins read and update every user; others only themselves.
 * @example access: { read: adminOrSelf, update: adminOrSelf }
 */
export const adminOrSelf: Access = ({ req }) => {
  const user = req.user as (RoleHolder & { id: number | string }) | null;
  if (user === null) return false;
  if (hasRole(user, 'admin')) return true;
  return { id: { equals: user.id } };
};
