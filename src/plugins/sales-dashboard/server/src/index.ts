/**
 * Server part of the sales dashboard plugin: admin RBAC actions registered at bootstrap, admin
 * routes (checked with admin::hasPermissions) and REST routes (Users & Permissions) on the same
 * controllers; the statistics themselves are plain modules in src/statistics.
 */
import bootstrap from './bootstrap';
import controllers from './controllers';
import routes from './routes';
import services from './services';

export default {
  register() {},
  bootstrap,
  destroy() {},
  config: { default: {}, validator() {} },
  controllers,
  routes,
  services,
  contentTypes: {},
  policies: {},
  middlewares: {},
};
