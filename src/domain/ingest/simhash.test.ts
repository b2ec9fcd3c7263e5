import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedPath } from '../../../test/helpers/shared.ts';
import { extractArticle } from './extractor.ts';
import { hammingDistance, simhash, simhashBands } from './simhash.ts';

// A real wire story's text (the seed page), read at run time from ../shared.
const STORY = extractArticle(readFileSync(sharedPath('seed', '000_6a1b3f7d972bca36.txt'), 'utf8')).bodyText;

describe('simhash', () => {
  it('gives near-identical texts a small distance and unrelated texts a large one', () => {
    const reposted = `${STORY.replace('16日', '十六日')}（编辑：张三）`;
    const other = '咸宁市今年将新建改建农村公路三百公里，打通断头路，方便群众出行。交通部门表示，项目将在年底前全部完工，沿线村民出行时间平均缩短二十分钟。';
    expect(hammingDistance(simhash(STORY), simhash(reposted))).toBeLessThanOrEqual(3);
    expect(hammingDistance(simhash(STORY), simhash(other))).toBeGreaterThan(10);
    expect(simhash(STORY)).toMatch(/^[0-9a-f]{16}$/);
    expect(simhashBands(simhash(STORY)).join('')).toBe(simhash(STORY));
  });
});
