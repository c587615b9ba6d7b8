/** Where the customer file page lives in the admin panel: /admin/customer-file[/:documentId]. */
export const FILE_PATH = 'customer-file';
