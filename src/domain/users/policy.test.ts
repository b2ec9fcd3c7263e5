import { describe, expect, it } from 'vitest';
import type { ArticleStatus, Role } from '../../db/schema.ts';
import type { Actor } from './actor.ts';
import { ACTIONS, type Action, can } from './policy.ts';

const ASSIGNED = 1;
const OTHER = 2;
const ME = 10;

function actor(role: Role): Actor {
  return { userId: ME, name: '测试', username: 't', role, channelIds: [ASSIGNED], ip: '' };
}

/**
 * The whole matrix, written out by hand as the newsroom's rulebook: role × action × situation.
 * Situations: own draft in my channel, someone else's submitted story in my channel,
 * a published story in another channel, my own submitted story.
 */
const SITUATIONS = {
  ownDraft: { channelId: ASSIGNED, authorId: ME, status: 'draft' as ArticleStatus },
  othersSubmitted: { channelId: ASSIGNED, authorId: 99, status: 'submitted' as ArticleStatus },
  otherChannelPublished: { channelId: OTHER, authorId: 99, status: 'published' as ArticleStatus },
  ownSubmitted: { channelId: ASSIGNED, authorId: ME, status: 'submitted' as ArticleStatus },
};
type Situation = keyof typeof SITUATIONS | 'none';

const ARTICLE_ACTIONS: Action[] = ['article.create', 'article.edit', 'article.submit', 'article.reject', 'article.publish', 'article.unpublish', 'article.viewAll'];
const ALL_ARTICLE: Record<Situation, Action[]> = {
  none: ARTICLE_ACTIONS,
  ownDraft: ARTICLE_ACTIONS,
  othersSubmitted: ARTICLE_ACTIONS,
  otherChannelPublished: ARTICLE_ACTIONS,
  ownSubmitted: ARTICLE_ACTIONS,
};
const ADMIN_ONLY: Action[] = ['channels.manage', 'settings.manage', 'users.manage', 'tokens.manage'];

/** Expected allowed actions per role and situation. */
const EXPECTED: Record<Role, Record<Situation, Action[]>> = {
  admin: Object.fromEntries(Object.keys(ALL_ARTICLE).map((s) => [s, [...ACTIONS]])) as Record<Situation, Action[]>,
  chief: Object.fromEntries(
    Object.keys(ALL_ARTICLE).map((s) => [s, [...ARTICLE_ACTIONS, 'media.upload', 'media.edit', 'blocks.manage', 'audit.view']]),
  ) as Record<Situation, Action[]>,
  editor: {
    none: ['article.create', 'media.upload', 'media.edit', 'blocks.manage'],
    ownDraft: [...ARTICLE_ACTIONS, 'media.upload', 'media.edit', 'blocks.manage'],
    othersSubmitted: [...ARTICLE_ACTIONS, 'media.upload', 'media.edit', 'blocks.manage'],
    otherChannelPublished: ['media.upload', 'media.edit', 'blocks.manage'],
    ownSubmitted: [...ARTICLE_ACTIONS, 'media.upload', 'media.edit', 'blocks.manage'],
  },
  reporter: {
    none: ['article.create', 'media.upload'],
    ownDraft: ['article.create', 'article.edit', 'article.submit', 'media.upload'],
    othersSubmitted: ['article.create', 'media.upload'],
    otherChannelPublished: ['media.upload'],
    ownSubmitted: ['article.create', 'media.upload'],
  },
};

describe('policy: every role × action × situation', () => {
  for (const role of Object.keys(EXPECTED) as Role[]) {
    for (const situation of Object.keys(EXPECTED[role]) as Situation[]) {
      it(`${role} / ${situation}`, () => {
        const target = situation === 'none' ? undefined : SITUATIONS[situation];
        const allowed = ACTIONS.filter((action) => can(actor(role), action, target));
        expect([...allowed].sort()).toEqual([...new Set(EXPECTED[role][situation])].sort());
      });
    }
  }

  it('keeps administration to administrators', () => {
    for (const role of ['chief', 'editor', 'reporter'] as Role[]) {
      for (const action of ADMIN_ONLY) expect(can(actor(role), action), `${role} ${action}`).toBe(false);
    }
  });

  it('gives an editor or reporter without channels no article rights', () => {
    for (const role of ['editor', 'reporter'] as Role[]) {
      const lonely = { ...actor(role), channelIds: [] };
      expect(can(lonely, 'article.create')).toBe(false);
      expect(can(lonely, 'article.edit', SITUATIONS.ownDraft)).toBe(false);
    }
  });
});
