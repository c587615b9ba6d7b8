/** The aging report. The file name sorts before receivable.ts so the path matches before the core /receivables/:id. */
export default {
  routes: [{ method: 'GET', path: '/receivables/aging', handler: 'api::receivable.receivable.aging', config: {} }],
};
