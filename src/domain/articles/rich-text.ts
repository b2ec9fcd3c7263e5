import type sanitizeHtml from 'sanitize-html';
import { requireOnFirstUse } from '../shared/on-first-use.ts';

const sanitizer = requireOnFirstUse<typeof sanitizeHtml>('sanitize-html');

/**
 * The one allowlist for article bodies. It matches the editor's schema: paragraphs, subheadings,
 * emphasis, links, lists, quotes and figures (image + caption + credit). Everything is sanitised
 * on write, for every role, so stored HTML can be trusted by the templates that print it.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'h2', 'h3', 'strong', 'em', 'b', 'i', 'u', 's', 'sub', 'sup', 'br', 'a', 'ul', 'ol', 'li', 'blockquote', 'figure', 'img', 'figcaption', 'span'],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'width', 'height', 'data-media-id'],
    span: ['class'],
    p: ['class'],
  },
  allowedClasses: { span: ['credit'], p: ['dateline'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Links leave the site without handing it the reader's window.
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer' } }),
  },
  exclusiveFilter: (frame) => frame.tag === 'p' && !frame.text.trim() && !frame.mediaChildren.length,
};

export function sanitizeRichText(html: string): string {
  return sanitizer()(html, OPTIONS).trim();
}

/** Plain text of a body, for summaries, search and feeds. */
export function richTextToPlain(html: string): string {
  return sanitizer()(html.replace(/<\/(p|h[1-6]|li|figcaption|blockquote)>/g, '$&\n'), { allowedTags: [], allowedAttributes: {} })
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}
