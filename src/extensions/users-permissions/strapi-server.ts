/**
 * Staff are Users & Permissions users: business relations (salesperson, handled by, reviewer)
 * point to them. A display name is what lists and mails show instead of the login name.
 */
export default (plugin: { contentTypes: { user: { schema: { attributes: Record<string, unknown> } } } }) => {
  plugin.contentTypes.user.schema.attributes.displayName = { type: 'string', maxLength: 100 };
  return plugin;
};
