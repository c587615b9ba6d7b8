/**
 * A customer is created from the customer list, where staff search first, never from another
 * record's relation picker: its "Create a relation" made a second 柳州正大 when the picker had not
 * found the first under the words typed. Strapi 5.54's relations input has no option for it: it
 * always lists the item (`creatable: "visible"`) and only disables it when the user may not create
 * the target (`creatableDisabled: !canCreate`, read through the admin's RBAC). So an RBAC
 * middleware takes the create permission on customers away on the edit views of other record
 * types, and the item shows disabled there; on the customer list and a customer's own edit view
 * creating stays as the role allows.
 */
import type { Permission } from './workflow/read-only-permissions';

/** Record types created only from their own list, not from a picker on another record. */
const CREATED_FROM_OWN_LIST = ['api::customer.customer'];

const CREATE = 'plugin::content-manager.explorer.create';
/** A page below a collection type's list: an edit view, a new entry, a clone. */
const RECORD_PAGE = /\/content-manager\/collection-types\/([^/]+)\/.+/;

/** The permissions on the page at `pathname` without creating, from its pickers, what is created from its own list. */
export const withoutCreatingFromPickers = (permissions: Permission[], pathname: string): Permission[] => {
  const page = RECORD_PAGE.exec(pathname);
  if (!page) return permissions;
  const shown = decodeURIComponent(page[1]);
  return permissions.filter(
    (permission) =>
      permission.action !== CREATE || !CREATED_FROM_OWN_LIST.includes(permission.subject ?? '') || permission.subject === shown
  );
};

type Middleware = (ctx: {
  pathname: string;
}) => (next: (permissions: Permission[]) => Promise<Permission[]>) => (permissions: Permission[]) => Promise<Permission[]>;

export const noCustomersFromPickers: Middleware = (ctx) => (next) => (permissions) =>
  next(withoutCreatingFromPickers(permissions, ctx.pathname));

/** Registered with the admin's RBAC middlewares before the admin first checks a permission. */
export const registerRelationPickers = (app: { addRBACMiddleware: (middleware: Middleware) => void }) => {
  app.addRBACMiddleware(noCustomersFromPickers);
};
