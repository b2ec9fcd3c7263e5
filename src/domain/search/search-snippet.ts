import type { RankTerm } from './search-query.ts';
import { foldForMatch } from './search-ranking.ts';

/**
 * Highlighting builds HTML by escaping the text first and only then wrapping matches in <mark>:
 * the result is safe to print unescaped, which is why it is named `safe…` wherever it goes.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function matchRanges(text: string, terms: readonly RankTerm[]): [number, number][] {
  const folded = foldForMatch(text);
  const ranges: [number, number][] = [];
  for (const term of terms) {
    term.pattern.lastIndex = 0;
    for (let m = term.pattern.exec(folded); m; m = term.pattern.exec(folded)) {
      if (m[0].length === 0) {
        term.pattern.lastIndex++;
        continue;
      }
      ranges.push([m.index, m.index + m[0].length]);
    }
    term.pattern.lastIndex = 0;
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** The whole text, escaped, with every match in <mark>. */
export function highlight(text: string, terms: readonly RankTerm[]): string {
  let out = '';
  let at = 0;
  for (const [start, end] of matchRanges(text, terms)) {
    out += `${escapeHtml(text.slice(at, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>`;
    at = end;
  }
  return out + escapeHtml(text.slice(at));
}

/** About `length` characters of the body around the first match (the opening when none), highlighted. */
export function snippet(body: string, terms: readonly RankTerm[], length = 120): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  const first = matchRanges(flat, terms)[0];
  let start = first ? Math.max(0, first[0] - Math.floor(length / 4)) : 0;
  // Do not cut a surrogate pair in half.
  if (start > 0 && /[\uDC00-\uDFFF]/.test(flat[start] ?? '')) start--;
  let end = Math.min(flat.length, start + length);
  if (end < flat.length && /[\uDC00-\uDFFF]/.test(flat[end] ?? '')) end++;
  const piece = flat.slice(start, end);
  return `${start > 0 ? '…' : ''}${highlight(piece, terms)}${end < flat.length ? '…' : ''}`;
}
