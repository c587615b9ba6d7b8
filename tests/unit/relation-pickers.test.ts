/** The customer relation pickers of other records offer no "Create a relation" (src/admin/relation-pickers.ts). */
import { withoutCreatingFromPickers } from '../../src/admin/relation-pickers';

const CUSTOMER = 'api::customer.customer';
const CONTRACT = 'api::contract.contract';
const create = (subject: string) => ({ action: 'plugin::content-manager.explorer.create', subject });
const read = (subject: string) => ({ action: 'plugin::content-manager.explorer.read', subject });

describe('creating customers from relation pickers', () => {
  const permissions = [create(CUSTOMER), read(CUSTOMER), create(CONTRACT)];

  it('is taken away on the pages of other record types: edit view, new entry, clone', () => {
    for (const page of [
      `/admin/content-manager/collection-types/${CONTRACT}/abc123`,
      `/content-manager/collection-types/${CONTRACT}/create`,
    ]) {
      expect(withoutCreatingFromPickers(permissions, page)).toEqual([read(CUSTOMER), create(CONTRACT)]);
    }
  });

  it("stays on the customer list and on a customer's own pages, and elsewhere in the admin", () => {
    for (const page of [
      `/admin/content-manager/collection-types/${CUSTOMER}`,
      `/admin/content-manager/collection-types/${CUSTOMER}/create`,
      `/admin/content-manager/collection-types/${CUSTOMER}/abc123`,
      `/admin/content-manager/collection-types/${CONTRACT}`,
      '/admin/my-work',
    ]) {
      expect(withoutCreatingFromPickers(permissions, page)).toEqual(permissions);
    }
  });
});
