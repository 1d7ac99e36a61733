import { hasRole, type RoleHolder } from '../access/roles.js';
import { BrokerAdminError } from './broker-admin-errors.js';

/**
 * The server-side gate of every broker admin operation: anonymous → 401, signed in without the
 * admin role → 403. The admin panel hides the tools from others too, but this check is the one
 * that counts.
 * @example requireAdmin(req.user);
 */
export function requireAdmin(user: RoleHolder | null | undefined): void {
  if (user === null || user === undefined) {
    throw new BrokerAdminError('NotSignedIn', 'Sign in as an admin to use the broker tools');
  }
  if (!hasRole(user, 'admin')) {
    throw new BrokerAdminError(
      'Forbidden',
      'Only admins may test broker connections or manage update-server keys',
    );
  }
}
