/**
 * The zh-Hans texts Strapi 5.54's own admin lacks (its zh-Hans files cover part of the English
 * keys; a missing key shows English), and those its code uses with an English default only.
 * Only keys with no zh-Hans text of Strapi's are here, as
 * tests/unit/admin-translations.test.ts checks against node_modules; the new media library's
 * texts (upload plugin) and those of the content-type builder and the enterprise features
 * (releases, review workflows) are not, as staff do not meet them.
 */
import { admin } from './strapi/admin';
import { contentManager } from './strapi/content-manager';
import { defaultMessages } from './strapi/default-messages';
import { plugins } from './strapi/plugins';

export const strapiZhHans: Record<string, string> = { ...admin, ...contentManager, ...plugins, ...defaultMessages };
