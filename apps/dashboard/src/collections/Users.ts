import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload';
import { adminOrSelf } from '../access/users-access.js';
import { isAdmin, isAdminField, isViewer } from '../access/role-access.js';
import { ROLES } from '../access/roles.js';

/** The first user ever created (Payload's create-first-user screen) becomes an admin. */
const firstUserIsAdmin: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data;
  const { totalDocs } = await req.payload.count({ collection: 'users', req, overrideAccess: true });
  return totalDocs === 0 ? { ...data, roles: ['admin'] } : data;
};

/** People who sign in to /admin: viewers read, editors build map views and pages, admins run it. */
export const Users: CollectionConfig = {
  slug: 'users',
  auth: true,
  admin: { useAsTitle: 'email', defaultColumns: ['email', 'roles'] },
  access: {
    admin: isViewer,
    create: isAdmin,
    read: adminOrSelf,
    update: adminOrSelf,
    delete: isAdmin,
  },
  hooks: { beforeChange: [firstUserIsAdmin] },
  fields: [
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['viewer'],
      saveToJWT: true,
      options: ROLES.map((role) => ({
        label: role[0]!.toUpperCase() + role.slice(1),
        value: role,
      })),
      access: { create: isAdminField, update: isAdminField },
      admin: { description: 'Only admins change roles. The first user is always an admin.' },
    },
  ],
};
