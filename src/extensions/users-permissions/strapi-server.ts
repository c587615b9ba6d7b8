/**
 * Staff are Users & Permissions users: business relations (salesperson, handled by, reviewer)
 * point to them. A display name is what lists and mails show instead of the login name; the
 * preferred language chooses the language of the mails they get.
 */
export default (plugin: { contentTypes: { user: { schema: { attributes: Record<string, unknown> } } } }) => {
  plugin.contentTypes.user.schema.attributes.displayName = { type: 'string', maxLength: 100 };
  plugin.contentTypes.user.schema.attributes.preferredLanguage = {
    type: 'enumeration',
    enum: ['zh-CN', 'en'],
    default: 'zh-CN',
  };
  return plugin;
};
