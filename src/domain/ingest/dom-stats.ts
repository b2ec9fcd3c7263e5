/** Per-element text statistics, computed once bottom-up so scoring never re-reads textContent. */
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

/**
 * Statistics for every element under root, by an explicit-stack post-order walk: pages nested
 * 10,000 deep must not overflow the call stack.
 */
export function computeStats(root: Element): Map<Element, NodeStats> {
  const stats = new Map<Element, NodeStats>();
  const stack: Array<{ el: Element; visited: boolean }> = [{ el: root, visited: false }];
  while (stack.length) {
    const top = stack.pop() as { el: Element; visited: boolean };
    if (!top.visited) {
      stack.push({ el: top.el, visited: true });
      for (const child of Array.from(top.el.children)) stack.push({ el: child, visited: false });
      continue;
    }
    stats.set(top.el, statsOf(top.el, stats));
  }
  return stats;
}

function statsOf(el: Element, stats: Map<Element, NodeStats>): NodeStats {
  const s: NodeStats = { text: 0, link: 0, punct: 0, tags: 1 };
  for (const node of Array.from(el.childNodes)) {
    if (node.nodeType === 3) {
      const t = node.nodeValue ?? '';
      s.text += countChars(t);
      s.punct += countPunct(t);
    } else if (node.nodeType === 1) {
      const c = stats.get(node as Element);
      if (!c) continue;
      s.text += c.text;
      s.link += c.link;
      s.punct += c.punct;
      s.tags += c.tags;
    }
  }
  if (el.tagName === 'A') s.link = s.text;
  return s;
}

export function linkDensity(s: NodeStats | undefined): number {
  return s && s.text > 0 ? s.link / s.text : 0;
}
