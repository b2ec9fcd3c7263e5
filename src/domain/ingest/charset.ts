import iconv from 'iconv-lite';

export interface DecodedText {
  text: string;
  charset: string;
}

/** Only the head of a page is searched for a declared charset, as browsers do. */
const SNIFF_BYTES = 4096;

/**
 * Decodes HTML bytes. Order: BOM, then valid UTF-8 (byte evidence beats a stale `<meta charset>`:
 * many pages were re-saved as UTF-8 but still declare gb2312), then the declared charset (HTTP
 * header hint, then `<meta>`), then whichever of GB18030 and Big5 reads as more common Chinese.
 */
export function decodeBytes(bytes: Uint8Array, headerCharset?: string): DecodedText {
  const bom = decodeBom(bytes);
  if (bom) return bom;
  const utf8 = tryUtf8(bytes);
  if (utf8 !== null) return { text: utf8, charset: 'utf-8' };
  const declared = normaliseCharset(headerCharset) ?? normaliseCharset(sniffMetaCharset(bytes));
  if (declared && declared !== 'utf-8' && iconv.encodingExists(declared)) {
    return { text: iconv.decode(Buffer.from(bytes), declared), charset: declared };
  }
  return guessChineseOrLatin(bytes);
}

function decodeBom(bytes: Uint8Array): DecodedText | null {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), charset: 'utf-8' };
  if (a === 0xff && b === 0xfe) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), charset: 'utf-16le' };
  if (a === 0xfe && b === 0xff) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), charset: 'utf-16be' };
  return null;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    // A page cut off mid-character (truncated downloads) is still UTF-8: allow a broken tail only.
    const tail = Math.max(0, bytes.length - 3);
    try {
      strictUtf8.decode(bytes.subarray(0, tail));
      return new TextDecoder('utf-8').decode(bytes);
    } catch {
      return null;
    }
  }
}

/** The charset named by `<meta charset>` or `<meta http-equiv content="…charset=…">`, if any. */
export function sniffMetaCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, SNIFF_BYTES)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head) ?? /\bencoding\s*=\s*["']([\w-]+)/i.exec(head);
  return m?.[1];
}

/** Maps declared names to the decoder we use; GB2312 and GBK are subsets of GB18030. */
export function normaliseCharset(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const n = name.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (/^(utf-?8|utf8)$/.test(n)) return 'utf-8';
  if (/^(gb2312|gbk|gb18030|x-gbk|cp936|euc-cn|hz-gb-2312)$/.test(n)) return 'gb18030';
  if (/^(big5|big5-hkscs|x-x-big5|cp950)$/.test(n)) return 'big5';
  return n || undefined;
}

// Very frequent characters of running Chinese text, simplified and traditional: a decoding that
// produces many of them is the right one.
const COMMON_HAN = new Set(
  '的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴善讲这個們來說為國會時後對開過於現學經發當點樣動還進關裏說從實無問間長從記車話'.split(''),
);

function hanScore(text: string): number {
  let score = 0;
  for (const ch of text) {
    if (COMMON_HAN.has(ch)) score += 1;
    else if (ch === '\ufffd') score -= 5;
  }
  return score;
}

function guessChineseOrLatin(bytes: Uint8Array): DecodedText {
  const buf = Buffer.from(bytes);
  // Judge on a sample: enough to tell the encodings apart without decoding a huge page twice.
  const sample = buf.subarray(0, 64 * 1024);
  const gb = iconv.decode(sample, 'gb18030');
  const big5 = iconv.decode(sample, 'big5');
  const gbScore = hanScore(gb);
  const big5Score = hanScore(big5);
  if (gbScore <= 0 && big5Score <= 0) return { text: iconv.decode(buf, 'windows-1252'), charset: 'windows-1252' };
  const charset = big5Score > gbScore ? 'big5' : 'gb18030';
  return { text: iconv.decode(buf, charset), charset };
}
