/**
 * The content manager's server: its relation picker finds customers by their search text
 * (src/customer-search/relation-picker.ts), and its menu lists what the caller's roles work with
 * (src/staff/content-manager-menu.ts).
 */
import { ContentManagerServer, searchCustomersInRelationPicker } from '../../customer-search/relation-picker';
import { InitController, menusByRole } from '../../staff/content-manager-menu';

export default (plugin: ContentManagerServer & InitController) => {
  searchCustomersInRelationPicker(plugin);
  menusByRole(plugin);
  return plugin;
};
