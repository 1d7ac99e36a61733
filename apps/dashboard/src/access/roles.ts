/** The dashboard's roles, weakest first: each one may do what the ones before it may. */
export const ROLES = ['viewer', 'editor', 'admin'] as const;

/** One of the dashboard's roles. */
export type Role = (typeof ROLES)[number];

/** What access functions need to know about the requesting user. */
export interface RoleHolder {
  roles?: readonly string[] | null;
}

/**
 * Whether the user holds `role` or a stronger one; anonymous (null) holds none.
 * @example hasRole(req.user, 'editor') // true for editors and admins
 */
export function hasRole(user: RoleHolder | null | undefined, role: Role): boolean {
  if (user === null || user === undefined) return false;
  const needed = ROLES.indexOf(role);
  return (user.roles ?? []).some((held) => ROLES.indexOf(held as Role) >= needed);
}
