/**
 * The complaint's workflow, statistics and the customer's feedback link. The file name sorts
 * before complaint.ts so these paths are matched before the core /complaints/:id.
 */
export default {
  routes: [
    { method: 'GET', path: '/complaints/statistics', handler: 'api::complaint.complaint.statistics', config: {} },
    // The customer's feedback link: no account; the signed single-use token is the only key.
    { method: 'GET', path: '/complaints/feedback/:token', handler: 'api::complaint.complaint.feedbackForm', config: { auth: false } },
    { method: 'POST', path: '/complaints/feedback/:token', handler: 'api::complaint.complaint.giveFeedback', config: { auth: false } },
    { method: 'GET', path: '/complaints/:documentId/workflow', handler: 'api::complaint.complaint.workflow', config: {} },
    { method: 'POST', path: '/complaints/:documentId/workflow/:action', handler: 'api::complaint.complaint.act', config: {} },
  ],
};
