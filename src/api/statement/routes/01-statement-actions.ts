/** The statement's documents, sending, and the customer's link. The file name sorts before statement.ts so these match before /statements/:id. */
export default {
  routes: [
    // The customer's link: no account; the signed single-use token is the only key.
    { method: 'GET', path: '/statements/respond/:token', handler: 'api::statement.statement.responseForm', config: { auth: false } },
    { method: 'POST', path: '/statements/respond/:token', handler: 'api::statement.statement.respond', config: { auth: false } },
    { method: 'GET', path: '/statements/:documentId/statement.pdf', handler: 'api::statement.statement.pdf', config: {} },
    { method: 'GET', path: '/statements/:documentId/statement.xlsx', handler: 'api::statement.statement.xlsx', config: {} },
    { method: 'POST', path: '/statements/:documentId/send', handler: 'api::statement.statement.send', config: {} },
  ],
};
