/**
 * The contract's workflow and ledger. The file name sorts before contract.ts so that
 * /contracts/ledger is matched before the core /contracts/:id.
 */
export default {
  routes: [
    { method: 'GET', path: '/contracts/ledger', handler: 'api::contract.contract.ledger', config: {} },
    { method: 'GET', path: '/contracts/:documentId/workflow', handler: 'api::contract.contract.workflow', config: {} },
    { method: 'POST', path: '/contracts/:documentId/workflow/:action', handler: 'api::contract.contract.act', config: {} },
  ],
};
