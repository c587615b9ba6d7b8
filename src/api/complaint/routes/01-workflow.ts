/**
 * The complaint's workflow, statistics and the customer's feedback link. The file name sorts
 * before complaint.ts so these paths are matched before the core /complaints/:id.
 */
export default {
  routes: [
    { method: 'GET', path: '/complaints/statistics', handler: 'api::complaint.complaint.statistics', config: {} },
  ],
};
