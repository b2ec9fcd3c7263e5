import { describe, expect, it } from 'vitest';
import { findBylineAuthors, findEditorLabel, findHeaderAuthors, findPostedBy, findPosterName, isOrganisationOrAccount, matchBylineLine, takeTrailingReporters } from './bylines.ts';

describe('bylines in a stretch of page text', () => {
  it('reads the names after a role label and stops at the next label or word', () => {
    expect(findBylineAuthors('来源：东湖日报 作者：林晓 周明 分享：')).toEqual(['林晓', '周明']);
    expect(findBylineAuthors('2024年3月2日 记者 高远 个人简介：高远，东湖日报记者')).toEqual(['高远']);
    expect(findBylineAuthors('作者： 吴桐 我要说说 打印')).toEqual(['吴桐']);
    expect(findBylineAuthors('东湖晚报记者 柳青 江城报道')).toEqual(['柳青']);
  });

  it('does not take words of prose or page furniture for names', () => {
    expect(findBylineAuthors('文章评论 文献资料 北京')).toEqual([]);
    expect(findBylineAuthors('他接受记者采访时表示，项目将在年底完工。')).toEqual([]);
  });

  it('takes no name where a template prints that nobody is named', () => {
    for (const nobody of ['未知', '佚名', '匿名', '不详']) expect(findBylineAuthors(`作者：${nobody} 来源：东湖日报`)).toEqual([]);
  });
});

describe('the byline of an article’s header', () => {
  it('prefers a label, else takes a name bracketed after the time', () => {
    expect(findHeaderAuthors('东湖网 2004年7月16日08:19 [ 林晓 ] 来源：[ 东湖日报 ]')).toEqual(['林晓']);
    expect(findHeaderAuthors('2004年7月16日08:19 【周明】 作者：高远')).toEqual(['高远']);
  });

  it('leaves brackets that hold a channel, a source or no time before them', () => {
    expect(findHeaderAuthors('2004年7月16日08:19 [ 财经频道 ] 来源：东湖日报')).toEqual([]);
    expect(findHeaderAuthors('2004年7月16日08:19 [ 我要评论 ]')).toEqual([]);
    expect(findHeaderAuthors('[ 林晓 ] 来源：东湖日报')).toEqual([]);
  });
});

describe('a line that only names the story’s people', () => {
  it('leaves out the interviewee who gave the photos, however it is spaced', () => {
    expect(matchBylineLine('东湖晚报记者林晓/文受访者供图')).toEqual(['林晓']);
    expect(matchBylineLine('东湖晚报记者林晓/文 受访者供图')).toEqual(['林晓']);
  });

  it('reads several roles, newspapers before 记者, and what follows the names', () => {
    expect(matchBylineLine('本报实习生 林小雨 周航 本报记者 王晓东 柏青')).toEqual(['林小雨', '周航', '王晓东', '柏青']);
    expect(matchBylineLine('本报记者吴一凡发自北京')).toEqual(['吴一凡']);
    expect(matchBylineLine('□ 本报记者 葛青 (责编：萧然、张妍)')).toEqual(['葛青']);
    expect(matchBylineLine('整合 东湖日报·城事记者 许然')).toEqual(['许然']);
    expect(matchBylineLine('执笔人：闵立 赵宁 刘畅')).toEqual(['闵立', '赵宁', '刘畅']);
    expect(matchBylineLine('作者： 周博文 (Bowen Zhou)')).toEqual(['周博文']);
  });

  it('takes names without a role only where convention puts them', () => {
    expect(matchBylineLine('常青 马远')).toEqual([]);
    expect(matchBylineLine('常青 马远', { bare: true })).toEqual(['常青', '马远']);
    expect(matchBylineLine('姚远 上海报道')).toEqual(['姚远']);
    expect(matchBylineLine('记者近日从自治区农业农村厅了解到')).toEqual([]);
    expect(matchBylineLine('记者手记')).toEqual([]);
  });
});

describe('a bracket closing the body', () => {
  it('moves the reporters out of the text', () => {
    expect(takeTrailingReporters('演出将持续到月底。（总台记者 张明）')).toEqual({ text: '演出将持续到月底。', reporters: ['张明'] });
    expect(takeTrailingReporters('过一个祥和的新春佳节。（常青 马远 ）')).toEqual({ text: '过一个祥和的新春佳节。', reporters: ['常青', '马远'] });
    expect(takeTrailingReporters('新馆下月开放。(文/林晓)')).toEqual({ text: '新馆下月开放。', reporters: ['林晓'] });
  });

  it('leaves endings, agencies and credits that are not people', () => {
    for (const text of ['故事还在继续。（待续）', '会议于昨日闭幕。（新华社）', '会议于昨日闭幕。（央视）', '图为新馆外景。（资料图片）']) {
      expect(takeTrailingReporters(text)).toEqual({ text, reporters: [] });
    }
  });
});

describe('the user name a forum or blog signs a post with', () => {
  it('is read before 发表于 and from 本贴由 … 于', () => {
    expect(findPosterName('[湖湘文化] 陈天华《警世钟》 xiaoyu88 发表于 2005-9-15 10:20')).toBe('xiaoyu88');
    expect(findPosterName('本贴由 大山 于2005年8月12日16:12:21在〖论坛〗发表')).toBe('大山');
    expect(findPosterName('文章 发表于 2005-9-15')).toBe('');
    expect(findPosterName('这篇文章发表于2005年的杂志上')).toBe('');
    expect(findPosterName('陈天华《警世钟》xiaoyu88 发表于 2005-9-15')).toBe('xiaoyu88');
  });

  it('is read from a time stamp signed by it, or from 作者 before a user name, trying each until one is a name', () => {
    expect(findPosterName('〓 网易娱乐 明星话题 发布时间 2005/03/15 22:36:13 by lanlan 〓 ← 返回')).toBe('lanlan');
    expect(findPosterName('作者:xiaoyu88 阅读(1660) 评论(5) 编辑 发表于:2005-07-31 12:30')).toBe('xiaoyu88');
    expect(findPosterName('作者： size="20" 来源： size="20"')).toBe('');
    expect(findPosterName('Last modified: 2024/01/20 04:32 by editor1')).toBe('');
  });

  it('is found anywhere in the post when the forum says 本贴由 … 于 of it', () => {
    expect(findPostedBy(`${'正文'.repeat(400)} 本贴由 大山 于2005年8月12日16:12:21在〖论坛〗发表 ${'回复'.repeat(400)}`)).toBe('大山');
    expect(findPostedBy('他在论坛里发表于2005年的文章')).toBe('');
  });
});

describe('the responsible editor', () => {
  it('is read from a label anywhere in a line, without the site’s internal codes', () => {
    expect(findEditorLabel('本文来源：东湖日报 责任编辑：杨柳_NF1234 分享到：')).toBe('杨柳');
    expect(findEditorLabel('[责任编辑：韩冰 PK155] 推荐 0')).toBe('韩冰');
    expect(findEditorLabel('□ 本报记者 葛青 (责编：萧然、张妍)')).toBe('萧然、张妍');
    expect(findEditorLabel('来源：东湖日报 编辑：苏明')).toBe('苏明');
    expect(findEditorLabel('编辑部地址：东湖路1号')).toBe('');
  });
});

describe('declared authors that are not people', () => {
  it('knows organisations, accounts and editor labels', () => {
    for (const value of ['大汉网络', '东湖日报-综合', 'L_104485', '责任编辑：张申']) expect(isOrganisationOrAccount(value)).toBe(true);
    for (const value of ['林晓', 'Dan Goodin - Apr 16, 2015', 'Mac & i']) expect(isOrganisationOrAccount(value)).toBe(false);
  });
});
