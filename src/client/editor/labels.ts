/**
 * Interface text of the editor island, in zh-CN (default) and English. The page's <html lang>
 * decides, like the server's i18n table (src/i18n/messages.ts), which the browser cannot import.
 */
const zhCN = {
  toolbar: '正文格式',
  editorArea: '正文',
  paragraph: '正文',
  paragraphLabel: '正文段落',
  heading2: '小标题',
  heading3: '三级标题',
  bold: '粗体',
  italic: '斜体',
  link: '链接',
  linkPrompt: '链接地址(http、https 或 mailto;留空则取消链接)',
  linkInvalid: '只能链接 http、https 或 mailto 地址。',
  bulletList: '无序列表',
  orderedList: '有序列表',
  quote: '引用',
  undo: '撤销',
  redo: '重做',
  insertImage: '插入图片',
  editImage: '编辑图片',
  dialogTitle: '插入图片',
  dialogEditTitle: '编辑图片',
  search: '搜索图片库',
  searchButton: '搜索',
  loading: '正在加载…',
  noResults: '没有找到图片。',
  loadFailed: '图片库加载失败,请重试。',
  results: '图片库',
  alt: '替代文字(供读屏软件朗读)',
  caption: '图片说明',
  credit: '署名',
  insert: '插入',
  update: '更新',
  cancel: '取消',
  pickFirst: '请先选择一张图片。',
  figureHint: '双击或按回车键编辑图片',
  savedAt: '已自动保存 {time}',
  saving: '正在自动保存…',
  saveFailed: '自动保存失败,稍后重试',
  conflictFallback: '这篇稿件已被他人修改,自动保存已停止。请复制您的修改后刷新页面。',
  unsaved: '有尚未保存的修改',
};

type Labels = typeof zhCN;

const en: Labels = {
  toolbar: 'Body formatting',
  editorArea: 'Body',
  paragraph: 'Text',
  paragraphLabel: 'Paragraph',
  heading2: 'Subheading',
  heading3: 'Minor heading',
  bold: 'Bold',
  italic: 'Italic',
  link: 'Link',
  linkPrompt: 'Link address (http, https or mailto; empty removes the link)',
  linkInvalid: 'Only http, https or mailto addresses can be linked.',
  bulletList: 'Bulleted list',
  orderedList: 'Numbered list',
  quote: 'Quote',
  undo: 'Undo',
  redo: 'Redo',
  insertImage: 'Insert image',
  editImage: 'Edit image',
  dialogTitle: 'Insert image',
  dialogEditTitle: 'Edit image',
  search: 'Search the media library',
  searchButton: 'Search',
  loading: 'Loading…',
  noResults: 'No images found.',
  loadFailed: 'The media library could not be loaded. Please try again.',
  results: 'Media library',
  alt: 'Alternative text (read aloud by screen readers)',
  caption: 'Caption',
  credit: 'Credit',
  insert: 'Insert',
  update: 'Update',
  cancel: 'Cancel',
  pickFirst: 'Choose an image first.',
  figureHint: 'Double-click or press Enter to edit the image',
  savedAt: 'Autosaved {time}',
  saving: 'Autosaving…',
  saveFailed: 'Autosave failed; retrying shortly',
  conflictFallback: 'Someone else has changed this article, so autosave has stopped. Copy your changes and reload the page.',
  unsaved: 'There are unsaved changes',
};

export type { Labels };

/** The labels for the document's language: English when <html lang> starts with "en". */
export function labelsFor(doc: Document): Labels {
  const lang = doc.documentElement.lang.toLowerCase();
  return lang === 'en' || lang.startsWith('en-') ? en : zhCN;
}
