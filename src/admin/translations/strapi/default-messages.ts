/**
 * Texts Strapi's admin code uses with an English default message only, in none of its translation
 * files (so no zh-Hans either): those of the frame staff see.
 */
export const defaultMessages: Record<string, string> = {
  'content-manager.plugin.name': '内容管理器',
  'search.placeholder': '搜索',
  cancel: '取消',
  singleTypes: '单一类型',
  'app.components.Button.close': '关闭',
  'app.error': '出错了',
  'app.error.copy': '复制到剪贴板',
  'containers.list.displayedFields': '显示的字段',
  'preview.tabs.label': '记录状态',
  'preview.copy.label': '复制预览链接',
  'popUpWarning.bodyMessage.contentType.delete.all': '确定删除这些记录吗？',
  'popUpWarning.bodyMessage.contentType.unpublish.all': '确定撤销发布这些记录吗？',
  'content-manager.actions.unpublish.dialog.radio-label': '请选择撤销发布的方式。',
  'content-manager.restore.success.title': '版本已恢复。',
  'content-manager.restore.success.message': '已恢复以前的版本。',
  'content-manager.history.sidebar.title.version-card.aria-label': '版本卡片',
  'HomePage.addWidget.selectWidget': '选择小组件 {widgetName}',
  'Settings.permissions.conditions.inherited-readonly': '这些条件继承自您的权限，只读。',
  'Settings.permissions.conditions.none-applied': '未应用任何条件。',
};
