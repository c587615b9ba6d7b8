export default [
  'strapi::logger',
  'strapi::errors',
  'global::anonymous-is-unauthorized',
  'global::no-publishing',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
