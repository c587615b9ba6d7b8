/** GET /api/my-work: the caller's work list (待办), granted to every staff role; each sees only what their roles act on. */
export default {
  routes: [{ method: 'GET', path: '/my-work', handler: 'api::my-work.my-work.find', config: {} }],
};
