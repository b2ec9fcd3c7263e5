import { PASSWORD_MIN_LENGTH } from '../../../domain/users/password.ts';
import type { AdminKey, AdminTranslate } from '../../../i18n/admin-messages.ts';

/**
 * Domain refusals (channels, blocks, accounts) carry an English developer message; the newsroom
 * shows the person a sentence in their language. Unknown messages pass through unchanged.
 */
const EXPLAINED: [RegExp, AdminKey][] = [
  [/already used by another channel/, 'nrerr_slugTaken'],
  [/slug .* must be lower-case/, 'nrerr_slugFormat'],
  [/channel name must not be empty/, 'nrerr_nameEmpty'],
  [/unknown channel kind/, 'nrerr_kind'],
  [/cannot move under itself/, 'nrerr_moveUnderSelf'],
  [/^parent channel .* does not exist/, 'nrerr_parentMissing'],
  [/sub-channels; move or delete them/, 'nrerr_hasChildren'],
  [/still holds .* stories/, 'nrerr_hasStories'],
  [/needs a title/, 'nrerr_titleEmpty'],
  [/^title longer than/, 'nrerr_titleLong'],
  [/^link must start/, 'nrerr_link'],
  [/^image /, 'nrerr_image'],
  [/reload the page/, 'nrerr_stale'],
  [/only published stories/, 'nrerr_notPublished'],
  [/^user ".*" already exists/, 'nrerr_userExists'],
  [/^username must be/, 'nrerr_username'],
  [/^password must have/, 'nrerr_password'],
  [/cannot change your own role/, 'nrerr_ownRole'],
  [/cannot disable your own account/, 'nrerr_ownAccount'],
  [/real name .* must not be empty/, 'nrerr_realName'],
  [/^role must be one of/, 'nrerr_role'],
  [/unknown channel in the assignment/, 'nrerr_channel'],
];

export function explainRefusal(t: AdminTranslate, message: string): string {
  const key = EXPLAINED.find(([pattern]) => pattern.test(message))?.[1];
  return key ? t(key, { n: PASSWORD_MIN_LENGTH }) : message;
}

/** Why a page or feed could not be fetched, in the newsroom's language; the status or network code (ECONNREFUSED) stays, for whoever checks the address. */
export function explainFetchFailure(t: AdminTranslate, code: string, message: string): string {
  const key = `fetch_${code.replace(/-/g, '_')}` as AdminKey;
  const status = /answered (\d{3})/.exec(message)?.[1];
  const detail = status ? `HTTP ${status}` : /\bE[A-Z]{3,}\b/.exec(message)?.[0];
  return detail ? `${t(key)} (${detail})` : t(key);
}

/** A wire provider's last failure as wire.service stored it (fetch:<code> …, feed: …) → a sentence; older free text passes through. */
export function explainPollFailure(t: AdminTranslate, stored: string): string {
  const fetched = /^fetch:([\w-]+) (.*)$/s.exec(stored);
  if (fetched) return explainFetchFailure(t, fetched[1] ?? '', fetched[2] ?? '');
  if (stored.startsWith('feed: ')) return t('wireNotAFeed');
  return stored;
}
