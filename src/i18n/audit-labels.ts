import type { Locale } from './messages.ts';

/**
 * The audit log stores what happened as a code (`article.publish`); people read these words.
 * A code missing here is shown as it is, so a new action is never hidden.
 */
const ACTIONS: Record<string, [zh: string, en: string]> = {
  'session.login': ['登录', 'Signed in'],
  'session.logout': ['退出', 'Signed out'],
  'session.failed': ['登录失败', 'Sign-in failed'],
  'session.locked': ['登录失败,账号锁定', 'Sign-in failed, account locked'],
  'article.create': ['创建稿件', 'Created an article'],
  'article.save': ['保存稿件', 'Saved an article'],
  'article.edit': ['修改稿件', 'Edited an article'],
  'article.submit': ['提交审核', 'Submitted for review'],
  'article.reject': ['退回稿件', 'Sent back'],
  'article.publish': ['发布', 'Published'],
  'article.published': ['定时发布生效', 'Scheduled story went online'],
  'article.unpublish': ['撤稿', 'Took offline'],
  'media.upload': ['上传图片', 'Uploaded an image'],
  'media.edit': ['修改图片信息', 'Edited an image'],
  'block.add': ['添加推荐条目', 'Added a curated item'],
  'block.update': ['修改推荐条目', 'Edited a curated item'],
  'block.delete': ['删除推荐条目', 'Deleted a curated item'],
  'block.reorder': ['调整推荐顺序', 'Reordered a curated block'],
  'block.headline.set': ['设为头条', 'Set as headline'],
  'block.headline.clear': ['撤下头条', 'Removed from headline'],
  'block.focus.set': ['加入焦点图', 'Added to focus'],
  'block.focus.clear': ['移出焦点图', 'Removed from focus'],
  'block.top.set': ['置顶', 'Pinned'],
  'block.top.clear': ['取消置顶', 'Unpinned'],
  'channel.create': ['新建栏目', 'Created a channel'],
  'channel.update': ['修改栏目', 'Edited a channel'],
  'channel.move': ['移动栏目', 'Moved a channel'],
  'channel.delete': ['删除栏目', 'Deleted a channel'],
  'settings.update': ['修改站点设置', 'Changed site settings'],
  'user.create': ['新建账号', 'Created an account'],
  'user.access': ['修改角色或栏目', 'Changed role or channels'],
  'user.password': ['重设密码', 'Reset a password'],
  'user.disable': ['停用账号', 'Disabled an account'],
  'user.enable': ['启用账号', 'Enabled an account'],
  'token.create': ['创建 API 令牌', 'Created an API token'],
  'token.revoke': ['吊销 API 令牌', 'Revoked an API token'],
  'wire.provider.create': ['添加通稿来源', 'Added a wire feed'],
  'wire.withdrawn': ['通稿被撤稿', 'Wire story withdrawn'],
  'wire.updated': ['通稿有改稿', 'Wire story updated'],
  'wire.released': ['撤稿后重发', 'Wire story released again'],
};

const TARGETS: Record<string, [zh: string, en: string]> = {
  article: ['稿件', 'Article'],
  media: ['图片', 'Image'],
  user: ['账号', 'Account'],
  channel: ['栏目', 'Channel'],
  block: ['推荐位', 'Block'],
  block_item: ['推荐条目', 'Curated item'],
  settings: ['站点设置', 'Settings'],
  api_token: ['API 令牌', 'API token'],
  ingest_item: ['通稿', 'Wire item'],
  wire_provider: ['通稿来源', 'Wire feed'],
};

export function auditActionLabel(locale: Locale, code: string): string {
  const words = ACTIONS[code];
  return words ? words[locale === 'en' ? 1 : 0] : code;
}

export function auditTargetLabel(locale: Locale, type: string): string {
  const words = TARGETS[type];
  return words ? words[locale === 'en' ? 1 : 0] : type;
}
