import type { ArticleStatus, Role } from '../../db/schema.ts';
import type { Actor } from './actor.ts';

/**
 * The one place that decides who may do what. Every route and service asks `can()`;
 * nothing else compares roles.
 */
export const ACTIONS = [
  'article.create',
  'article.edit',
  'article.submit',
  'article.reject',
  'article.publish',
  'article.unpublish',
  'article.viewAll',
  'media.upload',
  'media.edit',
  'blocks.manage',
  'channels.manage',
  'settings.manage',
  'users.manage',
  'tokens.manage',
  'audit.view',
] as const;

export type Action = (typeof ACTIONS)[number];

/** The article an action is about, when there is one. */
export interface ArticleTarget {
  channelId: number;
  authorId: number | null;
  status: ArticleStatus;
}

const EVERYWHERE: Record<Role, readonly Action[]> = {
  admin: ACTIONS,
  chief: [
    'article.create',
    'article.edit',
    'article.submit',
    'article.reject',
    'article.publish',
    'article.unpublish',
    'article.viewAll',
    'media.upload',
    'media.edit',
    'blocks.manage',
    'audit.view',
  ],
  editor: ['media.upload', 'media.edit', 'blocks.manage'],
  reporter: ['media.upload'],
};

/** What editors may do in the channels assigned to them. */
const IN_ASSIGNED_CHANNELS: Record<Role, readonly Action[]> = {
  admin: [],
  chief: [],
  editor: ['article.create', 'article.edit', 'article.submit', 'article.reject', 'article.publish', 'article.unpublish', 'article.viewAll'],
  reporter: ['article.create'],
};

/** Reporters work on their own stories while those are theirs to change. */
const REPORTER_OWN: readonly Action[] = ['article.edit', 'article.submit'];
const REPORTER_EDITABLE: readonly ArticleStatus[] = ['draft', 'rejected'];

export function can(actor: Actor, action: Action, target?: ArticleTarget): boolean {
  if (EVERYWHERE[actor.role].includes(action)) return true;
  if (!target) return action === 'article.create' && actor.channelIds.length > 0 && IN_ASSIGNED_CHANNELS[actor.role].includes(action);
  const assigned = actor.channelIds.includes(target.channelId);
  if (assigned && IN_ASSIGNED_CHANNELS[actor.role].includes(action)) return true;
  if (actor.role === 'reporter' && REPORTER_OWN.includes(action)) {
    return assigned && target.authorId === actor.userId && REPORTER_EDITABLE.includes(target.status);
  }
  return false;
}

export class ForbiddenError extends Error {
  constructor(readonly action: Action) {
    super(`not allowed: ${action}`);
  }
}

export function assertCan(actor: Actor, action: Action, target?: ArticleTarget): void {
  if (!can(actor, action, target)) throw new ForbiddenError(action);
}

/** Anyone may read their own stories; others need the right to see a channel's work. */
export function canView(actor: Actor, target: ArticleTarget): boolean {
  return target.authorId === actor.userId || can(actor, 'article.viewAll', target);
}
