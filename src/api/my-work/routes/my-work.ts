/**
 * GET /api/my-work: the caller's work list (待办), granted to every staff role; each sees only what their roles act on.
 * GET /api/my-work/team, /api/my-work/team/:staffId, /api/my-work/performance?month&format: the team view (监督) and
 * the performance sheet (考评), granted to every staff role too and refused (403) by the handler to anyone who supervises nobody.
 * GET/PUT /api/my-work/mail-preferences: the caller's own mail preferences (immediately or in the daily digest, per kind).
 */
export default {
  routes: [
    { method: 'GET', path: '/my-work', handler: 'api::my-work.my-work.find', config: {} },
    { method: 'GET', path: '/my-work/team', handler: 'api::my-work.my-work.team', config: {} },
    { method: 'GET', path: '/my-work/team/:staffId', handler: 'api::my-work.my-work.member', config: {} },
    { method: 'GET', path: '/my-work/performance', handler: 'api::my-work.my-work.performance', config: {} },
    { method: 'GET', path: '/my-work/mail-preferences', handler: 'api::my-work.my-work.mailPreferences', config: {} },
    { method: 'PUT', path: '/my-work/mail-preferences', handler: 'api::my-work.my-work.setMailPreferences', config: {} },
  ],
};
