/**
 * Staff are Users & Permissions users: business relations (salesperson, handled by, reviewer)
 * point to them. A display name is what lists and mails show instead of the login name; the
 * preferred language chooses the language of the mails they get. Mail preferences (per kind of mail,
 * immediately or in the daily digest; src/domain/mail-preferences.ts) are each person's own: private
 * to the REST API, out of the content manager, written only by GET/PUT /api/my-work/mail-preferences.
 */
export default (plugin: { contentTypes: { user: { schema: { attributes: Record<string, unknown> } } } }) => {
  plugin.contentTypes.user.schema.attributes.displayName = { type: 'string', maxLength: 100 };
  plugin.contentTypes.user.schema.attributes.preferredLanguage = {
    type: 'enumeration',
    enum: ['zh-CN', 'en'],
    default: 'zh-CN',
  };
  plugin.contentTypes.user.schema.attributes.mailPreferences = { type: 'json', private: true, visible: false };
  return plugin;
};
