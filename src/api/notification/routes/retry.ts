/** POST /api/notifications/:documentId/retry: a failed notification back to pending. */
export default {
  routes: [
    {
      method: 'POST',
      path: '/notifications/:documentId/retry',
      handler: 'api::notification.notification.retry',
      config: {},
    },
  ],
};
