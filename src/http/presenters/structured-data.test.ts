import { expect, it } from 'vitest';
import { textOf } from '../../domain/feeds/xml.ts';
import { leadText } from './structured-data.ts';

it('reads the description from the start of a long body exactly as from the whole body', () => {
  const paragraph = '<p>临湖市今年以来持续推进城市更新行动,&lt;老旧小区&gt;改造 &amp; 背街小巷整治&nbsp;同步展开。</p>';
  const bodies = [
    '',
    '<p>短。</p>',
    paragraph.repeat(40),
    `<figure><img src="/media/a.jpg" alt="${'很长的说明'.repeat(200)}"></figure>${paragraph.repeat(30)}`,
    `${'<p>&quot;引号&#39;</p>'.repeat(100)}`,
    `<p>${'字'.repeat(479)}&amp;${'文'.repeat(2000)}</p>`,
    `<p>${'a '.repeat(300)}</p><img src="x" alt="${'b'.repeat(5000)}">`,
  ];
  for (const body of bodies) {
    for (const max of [1, 50, 120]) expect(leadText(body, max)).toBe(textOf(body, max));
  }
});
