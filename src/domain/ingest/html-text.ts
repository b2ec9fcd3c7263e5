/** Small readings of HTML elements and text shared by the HTML reader's parts. */

/** Runs of white space (including no-break, ideographic and zero-width spaces) as one space, trimmed. */
export function collapse(text: string): string {
  return text.replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, ' ').trim();
}

/** An element's class and id together: what its name says it is. */
export function classAndId(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
}

/** Dates and times as pages print them beside a headline or an entry (2024-04-07, 21:10, PM). */
export const DATE_TEXT_RE = /\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{1,2}:\d{2}(:\d{2})?|[AaPp][Mm]\b/g;
