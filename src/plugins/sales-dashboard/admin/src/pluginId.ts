/** The plugin's id: its admin routes' prefix, its RBAC actions' namespace and its messages' prefix. */
export const PLUGIN_ID = 'sales-dashboard';
