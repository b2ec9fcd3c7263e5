/**
 * Cleans HTML pasted from Word, WPS or web pages before the editor's schema sees it: styles,
 * classes, fonts, spans, Office namespaces and comments go; b/i become strong/em; stray heading
 * levels map onto the two the body has. The schema then drops whatever else it does not know,
 * and the server sanitises again on save.
 */

/** Removed together with everything inside them. */
const DROP = new Set(['script', 'style', 'meta', 'link', 'title', 'head', 'xml', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas', 'button', 'input', 'select', 'textarea', 'form']);

/** Attributes kept, per element; every other attribute goes. */
const KEEP_ATTRS: Record<string, readonly string[]> = {
  a: ['href', 'title'],
  img: ['src', 'alt', 'width', 'height', 'data-media-id'],
};

/** Copy-paste inside the editor marks its slice with this; ProseMirror needs it back. */
const PM_SLICE = 'data-pm-slice';

const RENAME: Record<string, string> = { b: 'strong', i: 'em', h1: 'h2', h4: 'h3', h5: 'h3', h6: 'h3', strike: 's', del: 's', ins: 'u' };

function isBoldStyle(style: string): boolean {
  const m = /font-weight\s*:\s*(bold|bolder|[6-9]00)/i.exec(style);
  return m !== null;
}

function isNotBoldStyle(style: string): boolean {
  return /font-weight\s*:\s*(normal|lighter|[1-4]00)/i.test(style);
}

function isItalicStyle(style: string): boolean {
  return /font-style\s*:\s*italic/i.test(style);
}

function unwrap(el: Element): void {
  el.replaceWith(...Array.from(el.childNodes));
}

function rename(el: Element, tag: string): Element {
  const replacement = el.ownerDocument.createElement(tag);
  for (const attr of Array.from(el.attributes)) replacement.setAttribute(attr.name, attr.value);
  replacement.append(...Array.from(el.childNodes));
  el.replaceWith(replacement);
  return replacement;
}

function wrapChildren(el: Element, tag: string): void {
  const wrapper = el.ownerDocument.createElement(tag);
  wrapper.append(...Array.from(el.childNodes));
  el.append(wrapper);
}

/** True for paragraphs Word uses as blank lines: only whitespace and &nbsp;, no image or break. */
function isBlankBlock(el: Element): boolean {
  return !(el.textContent ?? '').replace(/[\s\u00a0\u200b]/g, '') && !el.querySelector('img, br, figure');
}

function cleanElement(el: Element): void {
  // Children first: the list is copied because cleaning replaces nodes.
  for (const child of Array.from(el.childNodes)) cleanNode(child);
}

function cleanNode(node: Node): void {
  if (node.nodeType === Node.COMMENT_NODE || node.nodeType === Node.PROCESSING_INSTRUCTION_NODE) {
    node.parentNode?.removeChild(node);
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE) return;
  let el = node as Element;
  let tag = el.localName.toLowerCase();

  if (DROP.has(tag)) {
    el.remove();
    return;
  }
  // Office's own tags: <o:p>, <w:…>, <v:shape>, <st1:…>: the text inside (if any) stays.
  if (tag.includes(':')) {
    cleanElement(el);
    if (tag === 'o:p') {
      // <o:p>&nbsp;</o:p> is Word's way of keeping an empty paragraph open.
      if (!(el.textContent ?? '').replace(/[\s\u00a0]/g, '')) el.remove();
      else unwrap(el);
    } else if (tag.startsWith('v:') || tag.startsWith('w:')) {
      el.remove();
    } else {
      unwrap(el);
    }
    return;
  }

  // Figures copied from the editor (or another Inkstone page) keep their exact markup.
  if (tag === 'figure') {
    for (const d of Array.from(el.querySelectorAll('*'))) {
      d.removeAttribute('style');
      if (d.localName !== 'span') d.removeAttribute('class');
    }
    el.removeAttribute('style');
    el.removeAttribute('class');
    return;
  }

  const style = el.getAttribute('style') ?? '';
  if (tag === 'b' && isNotBoldStyle(style)) {
    // Google Docs wraps a whole paste in <b style="font-weight:normal">.
    cleanElement(el);
    unwrap(el);
    return;
  }
  const renamed = RENAME[tag];
  if (renamed) {
    el = rename(el, renamed);
    tag = renamed;
  }

  cleanElement(el);

  if (tag === 'span' || tag === 'font') {
    const bold = isBoldStyle(style);
    const italic = isItalicStyle(style);
    if (bold || italic) {
      if (bold) wrapChildren(el, 'strong');
      if (italic) wrapChildren(el.firstElementChild && bold ? el.firstElementChild : el, 'em');
    }
    unwrap(el);
    return;
  }
  const keep = KEEP_ATTRS[tag] ?? [];
  for (const attr of Array.from(el.attributes)) {
    if (attr.name === PM_SLICE) continue;
    if (!keep.includes(attr.name)) el.removeAttribute(attr.name);
  }
  if ((tag === 'p' || /^h[23]$/.test(tag) || tag === 'li') && isBlankBlock(el) && !el.hasAttribute(PM_SLICE)) {
    el.remove();
  }
}

/** Clean pasted HTML (see module comment). Safe on ordinary HTML: it only removes and renames. */
export function cleanPastedHtml(html: string): string {
  const prepared = html
    // Word's list bullets and numbers live between these conditional markers; the text is noise.
    .replace(/<!\[if !supportLists\]>[\s\S]*?<!\[endif\]>/gi, '')
    .replace(/<!\[if [^\]]*\]>|<!\[endif\]>/gi, '');
  const doc = new DOMParser().parseFromString(prepared, 'text/html');
  cleanElement(doc.body);
  return doc.body.innerHTML;
}
