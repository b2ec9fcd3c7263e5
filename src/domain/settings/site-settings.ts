import type { Db } from '../../db/create-db.ts';
import { readSetting, writeSetting } from './settings-store.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { isValidTimeZone } from '../shared/time.ts';
import type { Actor } from '../users/actor.ts';
import { assertCan } from '../users/policy.ts';

/** What a site operator sets once: identity, legal texts and display preferences. */
export interface SiteSettings {
  name: string;
  /** Short name used in the copyright block, e.g. 临湖网. */
  shortName: string;
  tagline: string;
  logoUrl: string;
  /** The label own content carries as its source, e.g. 本网. */
  ownSourceLabel: string;
  /** Shown on articles whose source is this site. */
  copyrightOwn: string;
  /** Shown on reposted articles (来源 is another outlet). */
  disclaimerRepost: string;
  /** Shown on every article: how and when to contact the site about a piece. */
  contactNotice: string;
  icpNumber: string;
  newsLicence: string;
  timeZone: string;
  locale: 'zh-CN' | 'en';
}

export const DEFAULT_SETTINGS: SiteSettings = {
  name: 'Inkstone 新闻网',
  shortName: '本网',
  tagline: '',
  logoUrl: '',
  ownSourceLabel: '本网',
  copyrightOwn:
    '凡本网注明"来源:本网"的所有作品,版权均属于本网,未经本网授权不得转载、摘编或利用其它方式使用上述作品。已经本网授权使用作品的,应在授权范围内使用,并注明"来源:本网"。',
  disclaimerRepost:
    '凡本网注明"来源:xxx(非本网)"的作品,均转载自其它媒体,转载目的在于传递更多信息,并不代表本网赞同其观点和对其真实性负责。',
  contactNotice: '如因作品内容、版权和其它问题需要同本网联系的,请在30日内进行。',
  icpNumber: '',
  newsLicence: '',
  timeZone: 'Asia/Shanghai',
  locale: 'zh-CN',
};

const KEY = 'site';

export class SettingsError extends Error {}

export async function getSiteSettings(db: Db): Promise<SiteSettings> {
  return readSetting(db.kysely, KEY, DEFAULT_SETTINGS);
}

/** Merges a change into the stored settings after checking it; an invalid change writes nothing. */
export async function updateSiteSettings(db: Db, change: Partial<SiteSettings>): Promise<SiteSettings> {
  const next = { ...(await getSiteSettings(db)), ...change };
  validateSettings(next);
  await writeSetting(db.kysely, KEY, next);
  db.changes.publish({ kind: 'settings' });
  return next;
}

function validateSettings(settings: SiteSettings): void {
  if (!settings.name.trim()) throw new SettingsError('site name must not be empty');
  if (!settings.ownSourceLabel.trim()) throw new SettingsError('own-source label must not be empty');
  if (!isValidTimeZone(settings.timeZone)) throw new SettingsError(`unknown time zone "${settings.timeZone}"`);
  if (settings.locale !== 'zh-CN' && settings.locale !== 'en') throw new SettingsError(`unsupported locale "${settings.locale}"`);
}

/** Longest accepted value of any one text setting; the legal texts are a few hundred characters. */
const MAX_SETTING_LENGTH = 2000;

/** A setting that failed its check, by field, so a form can show the message beside it. */
export class SettingsFieldError extends SettingsError {
  constructor(readonly problems: { field: keyof SiteSettings; message: string }[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join('; '));
  }
}

/** Field-level checks of a whole settings object; empty when it may be saved. */
export function settingsProblems(settings: SiteSettings): { field: keyof SiteSettings; message: string }[] {
  const problems: { field: keyof SiteSettings; message: string }[] = [];
  if (!settings.name.trim()) problems.push({ field: 'name', message: 'site name must not be empty' });
  if (!settings.ownSourceLabel.trim()) problems.push({ field: 'ownSourceLabel', message: 'own-source label must not be empty' });
  if (!isValidTimeZone(settings.timeZone)) problems.push({ field: 'timeZone', message: `unknown time zone "${settings.timeZone}"` });
  if (settings.locale !== 'zh-CN' && settings.locale !== 'en') problems.push({ field: 'locale', message: `unsupported locale "${String(settings.locale)}"` });
  // The logo is an <img src>: only web addresses and site paths, never javascript: or data: URLs.
  if (settings.logoUrl && !/^(https?:\/\/[^\s"'<>]+|\/(?!\/)[^\s"'<>]*)$/i.test(settings.logoUrl)) {
    problems.push({ field: 'logoUrl', message: 'logo URL must start with http://, https:// or /' });
  }
  for (const [field, value] of Object.entries(settings) as [keyof SiteSettings, string][]) {
    if (typeof value === 'string' && value.length > MAX_SETTING_LENGTH) problems.push({ field, message: `longer than ${MAX_SETTING_LENGTH} characters` });
  }
  return problems;
}

/**
 * Saves a settings change made in the newsroom: checked field by field (an invalid change
 * writes nothing), recorded in the audit log in the same transaction, then announced so cached
 * pages are purged before the next request.
 */
export async function saveSiteSettings(db: Db, actor: Actor, change: Partial<SiteSettings>): Promise<SiteSettings> {
  assertCan(actor, 'settings.manage');
  const before = await getSiteSettings(db);
  const next: SiteSettings = { ...before };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof SiteSettings)[]) {
    const value = change[key];
    if (typeof value === 'string') (next as unknown as Record<string, string>)[key] = key === 'timeZone' || key === 'logoUrl' ? value.trim() : value;
  }
  const problems = settingsProblems(next);
  if (problems.length) throw new SettingsFieldError(problems);
  const changed = (Object.keys(next) as (keyof SiteSettings)[]).filter((key) => next[key] !== before[key]);
  await db.kysely.transaction().execute(async (trx) => {
    await writeSetting(trx, KEY, next);
    await recordAudit(trx, actor, {
      action: 'settings.update',
      targetType: 'settings',
      targetId: KEY,
      detail: Object.fromEntries(changed.map((key) => [key, { from: before[key], to: next[key] }])),
    });
  });
  db.changes.publish({ kind: 'settings' });
  return next;
}
