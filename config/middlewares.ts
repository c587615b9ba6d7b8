export default [
  'global::request-logger',
  'strapi::errors',
  'global::anonymous-is-unauthorized',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  'global::private-fields',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
