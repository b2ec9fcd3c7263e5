import { Node } from '@tiptap/core';
import { NodeSelection } from '@tiptap/pm/state';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';

/** What a figure carries; the markup is the one the server's sanitiser allows (rich-text.ts). */
export interface FigureAttrs {
  src: string;
  alt: string;
  width: number | null;
  height: number | null;
  mediaId: string | null;
  caption: string;
  credit: string;
}

export interface FigureOptions {
  /** Called to edit a figure (double-click, or Enter while it is selected). */
  onEdit: ((attrs: FigureAttrs, pos: number) => void) | null;
  /** Tooltip on figures in the editor. */
  hint: string;
}

function positiveInt(value: string | null): number | null {
  if (value === null) return null;
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) && n > 0 ? n : null;
}

/** Figure attributes read from `<figure><img …><figcaption>caption <span class="credit">credit</span></figcaption></figure>`. */
export function readFigure(figure: HTMLElement): FigureAttrs | false {
  const img = figure.querySelector('img');
  const src = img?.getAttribute('src');
  if (!img || !src) return false;
  const figcaption = figure.querySelector('figcaption');
  let caption = '';
  let credit = '';
  if (figcaption) {
    const creditEl = figcaption.querySelector('.credit');
    credit = creditEl?.textContent?.trim() ?? '';
    const copy = figcaption.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.credit').forEach((el) => el.remove());
    caption = (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
  }
  return {
    src,
    alt: img.getAttribute('alt') ?? '',
    width: positiveInt(img.getAttribute('width')),
    height: positiveInt(img.getAttribute('height')),
    mediaId: img.getAttribute('data-media-id') || null,
    caption,
    credit,
  };
}

export function figureAttrsOf(node: ProseMirrorNode): FigureAttrs {
  const a = node.attrs;
  return {
    src: String(a.src ?? ''),
    alt: String(a.alt ?? ''),
    width: typeof a.width === 'number' ? a.width : null,
    height: typeof a.height === 'number' ? a.height : null,
    mediaId: a.mediaId == null ? null : String(a.mediaId),
    caption: String(a.caption ?? ''),
    credit: String(a.credit ?? ''),
  };
}

/**
 * A figure: one image with caption and credit, edited as a whole (an atom) through the media
 * dialog. Serialised exactly as
 * `<figure><img src alt width height data-media-id><figcaption>caption <span class="credit">credit</span></figcaption></figure>`;
 * an empty caption or credit is left out, and so is an empty figcaption.
 */
export const Figure = Node.create<FigureOptions>({
  name: 'figure',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  isolating: true,

  addOptions() {
    return { onEdit: null, hint: '' };
  },

  addAttributes() {
    // Rendered by renderHTML below, in a fixed order, so the attribute helpers stay out of it.
    return {
      src: { default: '', rendered: false },
      alt: { default: '', rendered: false },
      width: { default: null, rendered: false },
      height: { default: null, rendered: false },
      mediaId: { default: null, rendered: false },
      caption: { default: '', rendered: false },
      credit: { default: '', rendered: false },
    };
  },

  parseHTML() {
    return [
      {
        tag: 'figure',
        getAttrs: (el) => readFigure(el as HTMLElement) as Record<string, unknown> | false,
      },
    ];
  },

  renderHTML({ node }) {
    const a = figureAttrsOf(node);
    const img = [
      'img',
      {
        src: a.src,
        alt: a.alt,
        width: a.width === null ? null : String(a.width),
        height: a.height === null ? null : String(a.height),
        'data-media-id': a.mediaId,
      },
    ] as const;
    const caption: (string | readonly [string, Record<string, string>, string])[] = [];
    if (a.caption) caption.push(a.credit ? `${a.caption} ` : a.caption);
    if (a.credit) caption.push(['span', { class: 'credit' }, a.credit]);
    if (!caption.length) return ['figure', img];
    return ['figure', img, ['figcaption', ...caption]];
  },

  addNodeView() {
    return ({ node, getPos }) => {
      let current = node;
      const dom = document.createElement('figure');
      dom.className = 'editor-figure';
      dom.contentEditable = 'false';
      if (this.options.hint) dom.title = this.options.hint;
      const img = document.createElement('img');
      img.draggable = false;
      const figcaption = document.createElement('figcaption');
      dom.append(img, figcaption);

      const paint = (n: ProseMirrorNode): void => {
        const a = figureAttrsOf(n);
        img.src = a.src;
        img.alt = a.alt;
        if (a.width) img.width = a.width;
        else img.removeAttribute('width');
        if (a.height) img.height = a.height;
        else img.removeAttribute('height');
        figcaption.textContent = a.caption ? (a.credit ? `${a.caption} ` : a.caption) : '';
        if (a.credit) {
          const credit = document.createElement('span');
          credit.className = 'credit';
          credit.textContent = a.credit;
          figcaption.append(credit);
        }
        figcaption.hidden = !a.caption && !a.credit;
      };
      paint(node);

      dom.addEventListener('dblclick', (event) => {
        event.preventDefault();
        const pos = typeof getPos === 'function' ? getPos() : undefined;
        if (typeof pos === 'number') this.options.onEdit?.(figureAttrsOf(current), pos);
      });

      return {
        dom,
        update: (updated) => {
          if (updated.type !== current.type) return false;
          current = updated;
          paint(updated);
          return true;
        },
        selectNode: () => dom.classList.add('is-selected'),
        deselectNode: () => dom.classList.remove('is-selected'),
        ignoreMutation: () => true,
      };
    };
  },

  addKeyboardShortcuts() {
    return {
      Enter: ({ editor }) => {
        const { selection } = editor.state;
        if (!(selection instanceof NodeSelection) || selection.node.type.name !== this.name) return false;
        if (!this.options.onEdit) return false;
        this.options.onEdit(figureAttrsOf(selection.node), selection.from);
        return true;
      },
    };
  },
});
