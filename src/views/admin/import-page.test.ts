import { describe, expect, it } from 'vitest';
import { compareWithDraft } from './import-page.tsx';

describe('the original beside an imported draft', () => {
  it('marks the lines the draft kept, even with the 电头 taken off, and groups the rest in runs', () => {
    const original = ['首页', '新闻', '政务', '湖区新建三座污水处理厂', '新华社临湖5月18日电 湖区今年将新建三座污水处理厂，明年完工。', '工程总投资两亿元。', '版权所有'].join('\n');
    const draft = '湖区今年将新建三座污水处理厂，明年完工。\n工程总投资两亿元。';
    expect(compareWithDraft(original, draft)).toEqual([
      { kept: false, lines: ['首页', '新闻', '政务', '湖区新建三座污水处理厂'] },
      { kept: true, lines: ['新华社临湖5月18日电 湖区今年将新建三座污水处理厂，明年完工。', '工程总投资两亿元。'] },
      { kept: false, lines: ['版权所有'] },
    ]);
  });
});
