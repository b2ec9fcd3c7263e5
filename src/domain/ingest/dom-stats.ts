/** Per-element text statistics, computed in one pass so scoring never re-reads textContent. */
export interface NodeStats {
  /** Non-space characters of all text below. */
  text: number;
  /** Of which inside links. */
  link: number;
  /** Sentence punctuation below (，。、；！？ and , . ; ! ?). */
  punct: number;
  /** Number of elements below (tag density). */
  tags: number;
}

/** Text of a block element itself, inline descendants included, nested blocks excluded. */
export interface OwnText {
  text: number;
  link: number;
  punct: number;
  cjk: number;
}

export interface DocumentStats {
  all: Map<Element, NodeStats>;
  own: Map<Element, OwnText>;
}

const PUNCT_RE = /[，。、；！？,;!?：:“”]|\.(?=\s|$)/g;

export function countChars(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c !== 160 && c !== 0x3000) n++;
  }
  return n;
}

export function countPunct(text: string): number {
  return text.match(PUNCT_RE)?.length ?? 0;
}

const PUNCT_CODES = new Set([...'，。、；！？,;!?：:“”'].map((c) => c.charCodeAt(0)));
const shared = { chars: 0, punct: 0, cjk: 0 };

/** Characters, punctuation and Han characters of a text node in one pass (the hot loop of extraction). */
function countText(t: string): { chars: number; punct: number; cjk: number } {
  let chars = 0;
  let punct = 0;
  let cjk = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c <= 32 || c === 160 || c === 0x3000) continue;
    chars++;
    if (c >= 0x4e00 && c <= 0x9fff) cjk++;
    else if (PUNCT_CODES.has(c)) punct++;
    else if (c === 46) {
      const next = t.charCodeAt(i + 1);
      if (Number.isNaN(next) || next <= 32) punct++;
    }
  }
  shared.chars = chars;
  shared.punct = punct;
  shared.cjk = cjk;
  return shared;
}

interface Frame {
  el: Element;
  s: NodeStats;
  child: ChildNode | null;
  own: OwnText | null;
  inLink: boolean;
}

/**
 * Statistics for every element under root by an explicit-stack walk over firstChild/nextSibling
 * (cheap in linkedom, unlike building `children` arrays); pages nested 10,000 deep cannot
 * overflow the call stack.
 */
export function computeStats(root: Element, isBlock: (tag: string) => boolean): DocumentStats {
  const all = new Map<Element, NodeStats>();
  const own = new Map<Element, OwnText>();
  const rootOwn = { text: 0, link: 0, punct: 0, cjk: 0 };
  own.set(root, rootOwn);
  const stack: Frame[] = [{ el: root, s: { text: 0, link: 0, punct: 0, tags: 1 }, child: root.firstChild, own: rootOwn, inLink: false }];
  while (stack.length) {
    const f = stack[stack.length - 1] as Frame;
    const node = f.child;
    if (!node) {
      stack.pop();
      if (f.el.tagName === 'A') f.s.link = f.s.text;
      all.set(f.el, f.s);
      const parent = stack[stack.length - 1];
      if (parent) {
        parent.s.text += f.s.text;
        parent.s.link += f.s.link;
        parent.s.punct += f.s.punct;
        parent.s.tags += f.s.tags;
      }
      continue;
    }
    f.child = node.nextSibling;
    if (node.nodeType === 3) {
      const counts = countText(node.nodeValue ?? '');
      if (!counts.chars) continue;
      f.s.text += counts.chars;
      f.s.punct += counts.punct;
      if (f.own) {
        f.own.text += counts.chars;
        f.own.punct += counts.punct;
        f.own.cjk += counts.cjk;
        if (f.inLink) f.own.link += counts.chars;
      }
    } else if (node.nodeType === 1) {
      const el = node as Element;
      const block = isBlock(el.tagName);
      let ownStats = f.own;
      if (block) {
        ownStats = { text: 0, link: 0, punct: 0, cjk: 0 };
        own.set(el, ownStats);
      }
      stack.push({ el, s: { text: 0, link: 0, punct: 0, tags: 1 }, child: el.firstChild, own: ownStats, inLink: !block && (f.inLink || el.tagName === 'A') });
    }
  }
  return { all, own };
}

export function linkDensity(s: NodeStats | undefined): number {
  return s && s.text > 0 ? s.link / s.text : 0;
}

/** Element children without materialising linkedom's `children` array. */
export function* childElements(el: Element): Generator<Element> {
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) yield n as Element;
}
