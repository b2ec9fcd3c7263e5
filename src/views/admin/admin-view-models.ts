import type { AdminTranslate } from '../../i18n/admin-messages.ts';
import type { Locale } from '../../i18n/messages.ts';

/** What every newsroom page shares. */
export interface AdminChrome {
  t: AdminTranslate;
  locale: Locale;
  siteName: string;
  userName: string;
  roleLabel: string;
  csrfToken: string;
  /** Stylesheets and scripts with their content hashes (see http/asset-urls.ts). */
  assets: { adminCss: string; editorCss: string; editorJs: string; blocksJs: string; icon: string };
  /** Sections this person may open, in menu order. */
  menu: { key: string; label: string; url: string; current: boolean }[];
  /** A message about what just happened ("已保存。"), shown once. */
  notice?: string;
  currentUrl: string;
}

export interface ArticleRowView {
  id: number;
  title: string;
  channelName: string;
  statusKey: string;
  statusLabel: string;
  authorName: string;
  updatedAt: string;
  editUrl: string;
  publicUrl?: string;
  /** A sent-back story's review comment, shown under its title. */
  reviewComment?: string;
}
