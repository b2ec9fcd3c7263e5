/**
 * Bylines of Latin-script pages as copied text shows them: By Jane Doe, Par Anne Berg et Tom Reyes,
 * Posted on May 5, 2024 by Jane Doe, or a name signing a time stamp (Jane Doe - Apr 16, 2015).
 * Chinese bylines are read by bylines.ts; bylines in a page's markup by latin-bylines.ts.
 */
import { findDates } from './date-parse.ts';

// By Jane Doe, Posted by Jane Doe on May 5, 2020, Written by A and B | Staff Writer.
// By, and its French, Spanish, German and Dutch twins (Par Sébastien Farcis); a leading // or bullet is decoration.
const LATIN_BYLINE_RE = /^[^\p{L}]{0,3}(?:(?:posted|written|words|story|reporting|text|photos?)\s+)?(?:by|par|por|von|door)[:\s]\s*(.+)$/iu;
// Posted on May 5, 2024 by Jane Doe.
const DATED_BYLINE_RE = /^(?:(?:posted|published|updated)\s+)?on\s+.{4,40}?\s+by\s+(.+)$/i;
const NAME_WORD_RE = /^(?:\p{Lu}[\p{L}'’.-]*|de|da|del|der|di|du|la|le|van|von|bin|al|and|&)$/u;

/** A line that opens with a byline label (By …, Posted on … by …): the story's head, however long. */
export function isLatinBylineLine(line: string): boolean {
  return LATIN_BYLINE_RE.test(line) || DATED_BYLINE_RE.test(line);
}

/** The people a Latin-script byline line names (By Jane Doe), without its label and the date or role after them. */
export function findLatinByline(line: string): string[] {
  const m = LATIN_BYLINE_RE.exec(line) ?? DATED_BYLINE_RE.exec(line);
  // After a By, one word may be a name (By Catherine); unlabelled, a name has two words at least.
  return m?.[1] ? latinNames(m[1], 1) : [];
}

/**
 * A name standing alone over a time stamp, or running into one (Jane Doe - Apr 16, 2015 8:02 pm):
 * how blogs and magazines sign a story without a By.
 */
export function findSignedStamp(line: string, next: string): string[] {
  const dated = findDates(line)[0];
  if (dated) return dated.index > 0 && /[-–—|·•]\s*$/.test(line.slice(0, dated.index)) ? latinNames(line.slice(0, dated.index)) : [];
  return isStampLine(next) ? latinNames(line) : [];
}

/** What sites put under the writer's name: a date (Friday 25 December 2015), a time (1:39 PM ET), a reading time, a follow button. */
function isStampLine(line: string): boolean {
  if (SIGNATURE_NEXT_RE.test(line)) return true;
  const date = findDates(line)[0];
  return date !== undefined && /^(?:\p{L}+,?\s*)?$/u.test(line.slice(0, date.index));
}

const SIGNATURE_NEXT_RE = /^(?:\d+\s+min(?:ute)?s?\s+read|follow|\d{1,2}:\d{2}\s*(?:am|pm)?\b.{0,12})$/i;

/** Names in what follows a byline label: the date, a role or a reading time after them is dropped; every name must be capitalised words. */
function latinNames(text: string, minWords = 2): string[] {
  const names = text
    .replace(/\s*[(（][^)）]*[)）]/g, '')
    .replace(/\s*@\w+/g, '')
    .replace(/\s+(?:on|at|updated|published|posted|in)\b.*$/i, '')
    .replace(/\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d.*$/i, '')
    .replace(/\s*\d.*$/, '')
    .replace(/\s*[|•·–—]\s*.*$|\s*[,-]\s+.*$|\s+[-–—|·•]?$/, '')
    .split(/\s*(?:&|\b(?:and|y|et|und|e)\b)\s*/i)
    .map((n) => n.trim())
    .filter(Boolean);
  const isName = (n: string) => {
    const words = n.split(/\s+/);
    return words.length >= minWords && words.length <= 4 && words.every((w) => NAME_WORD_RE.test(w));
  };
  return names.length && names.length <= 6 && names.every(isName) ? names : [];
}
