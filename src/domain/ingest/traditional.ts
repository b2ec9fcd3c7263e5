/**
 * Chinese pages in traditional characters (Big5 pages from Taiwan and Hong Kong) write the same
 * labels in other characters: 來源 for 来源, 記者 for 记者, 責任編輯 for 责任编辑, 中央社台北5日電 for
 * 新华社北京5日电. The label patterns are written once, in simplified characters; withTraditional
 * lets each one match both forms. What a pattern captures (a name, a source) is read from the page as
 * it is written, so a traditional page keeps its own characters.
 */

/** Simplified characters of the label patterns → their traditional forms (only where they differ). */
const TRADITIONAL: Record<string, string> = {
  来: '來', 处: '處', 电: '電', 讯: '訊', 报: '報', 网: '網', 台: '臺', 闻: '聞', 据: '據', 记: '記', 员: '員',
  实: '實', 习: '習', 见: '見', 执: '執', 笔: '筆', 写: '寫', 编: '編', 辑: '輯', 责: '責', 发: '發', 布: '佈',
  时: '時', 间: '間', 标: '標', 题: '題', 关: '關', 阅: '閱', 读: '讀', 链: '鏈', 条: '條', 热: '熱', 荐: '薦',
  欢: '歡', 为: '為', 评: '評', 论: '論', 权: '權', 与: '與', 声: '聲', 转: '轉', 载: '載', 扫: '掃', 页: '頁',
  顶: '頂', 号: '號', 纠: '糾', 错: '錯', 举: '舉', 击: '擊', 览: '覽', 维: '維', 码: '碼', 进: '進', 频: '頻',
  坛: '壇', 机: '機', 摄: '攝', 图: '圖', 资: '資', 视: '視', 觉: '覺', 国: '國', 东: '東', 综: '綜', 杂: '雜',
  志: '誌', 户: '戶', 团: '團', 会: '會', 贴: '貼', 于: '於', 当: '當', 现: '現', 简: '簡', 态: '態', 点: '點',
  浏: '瀏', 闭: '閉', 续: '續', 结: '結', 专: '專', 访: '訪', 验: '驗', 问: '問', 连: '連', 线: '線', 调: '調',
  观: '觀', 无: '無', 详: '詳', 暂: '暫', 络: '絡', 动: '動', 体: '體',
};

/**
 * The same pattern, matching each label character in either form: outside a character class 来
 * becomes [来來], inside one 來 is added beside 来. Range ends ([一-龥]) are left alone.
 */
export function withTraditional(pattern: RegExp): RegExp {
  const source = pattern.source;
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    if (c === '\\') {
      out += source.slice(i, i + 2);
      i++;
      continue;
    }
    if (c === '[' && !inClass) inClass = true;
    else if (c === ']' && inClass) inClass = false;
    const form = TRADITIONAL[c];
    const isRangeEnd = inClass && (source[i - 1] === '-' || source[i + 1] === '-');
    if (!form || isRangeEnd) out += c;
    else out += inClass ? `${c}${form}` : `[${c}${form}]`;
  }
  return new RegExp(out, pattern.flags);
}

/** The words in both forms: 来源 and 來源, for lists compared word by word. */
export function withTraditionalWords(words: Iterable<string>): Set<string> {
  const all = new Set<string>();
  for (const word of words) {
    all.add(word);
    all.add(Array.from(word, (c) => TRADITIONAL[c] ?? c).join(''));
  }
  return all;
}
