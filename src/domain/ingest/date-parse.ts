/** A date found in a page, kept in the page's own local time; offset in minutes when the page gave one. */
export interface FoundDate {
  year: number;
  month: number;
  day: number;
  hour: number | null;
  minute: number | null;
  second: number | null;
  offsetMinutes: number | null;
  /** Index of the match in the searched text. */
  index: number;
}

const DATE_RE =
  /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*(?:T|\s|&nbsp;)?\s*(?:[上下]午)?\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?/g;

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
// 18 May 2025, 15 Dec, 2025, May 18, 2025, January 22nd, 2019 (a month alone with a year is not a day).
// Text of adjacent blocks runs together (Dec 12, 2025We've…), so the year ends at a non-digit, not a word boundary.
const EN_DATE_RE =
  /\b(?:(\d{1,2})\s+)?(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?,?\s+(?:(\d{1,2})(?:st|nd|rd|th)?,?\s+)?(\d{4})(?!\d)/gi;

function plausible(y: number, mo: number, d: number): boolean {
  return y >= 1990 && y <= new Date().getFullYear() + 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31;
}

function parseOffset(tz: string | undefined): number | null {
  if (!tz) return null;
  if (tz.toUpperCase() === 'Z') return 0;
  const sign = tz.startsWith('-') ? -1 : 1;
  const digits = tz.replace(/[^\d]/g, '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
}

// US-style stamps of old blog and forum software: 5/7/2005 9:23:57 PM.
const US_DATE_RE = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?/g;

function findUsDates(text: string, limit: number): FoundDate[] {
  const out: FoundDate[] = [];
  for (const m of text.matchAll(US_DATE_RE)) {
    const [mo, d, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!plausible(y, mo, d)) continue;
    let hour = m[4] === undefined ? null : Number(m[4]) % 12;
    if (hour !== null && !/^[Pp]/.test(m[7] ?? '') && !m[7]) hour = Number(m[4]);
    else if (hour !== null && /^[Pp]/.test(m[7] ?? '')) hour += 12;
    out.push({ year: y, month: mo, day: d, hour, minute: m[5] === undefined ? null : Number(m[5]), second: m[6] === undefined ? null : Number(m[6]), offsetMinutes: null, index: m.index ?? 0 });
    if (out.length >= limit) break;
  }
  return out;
}

const MONTH_NAME_RE = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/i;

/** Every full (year-month-day) date in the text, in order of appearance: numeric, US-style and English. */
export function findDates(text: string, limit = 50): FoundDate[] {
  const found = findIsoLikeDates(text, limit);
  if (text.includes('/')) found.push(...findUsDates(text, limit));
  if (MONTH_NAME_RE.test(text)) found.push(...findEnglishDates(text, limit));
  return found.sort((a, b) => a.index - b.index).slice(0, limit);
}

function findIsoLikeDates(text: string, limit: number): FoundDate[] {
  const out: FoundDate[] = [];
  for (const m of text.matchAll(DATE_RE)) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!plausible(y, mo, d)) continue;
    const hour = m[4] === undefined ? null : Number(m[4]);
    const validTime = hour !== null && hour < 24 && Number(m[5]) < 60;
    out.push({
      year: y,
      month: mo,
      day: d,
      hour: validTime ? hour : null,
      minute: validTime ? Number(m[5]) : null,
      second: validTime && m[6] !== undefined ? Number(m[6]) : null,
      offsetMinutes: validTime ? parseOffset(m[7]) : null,
      index: m.index ?? 0,
    });
    if (out.length >= limit) break;
  }
  return out;
}

/** English-style dates ("May 18, 2025", "18 May 2025"), for pages without numeric dates. */
export function findEnglishDates(text: string, limit = 20): FoundDate[] {
  const out: FoundDate[] = [];
  for (const m of text.matchAll(EN_DATE_RE)) {
    const month = MONTHS[(m[2] ?? '').slice(0, 3).toLowerCase()] ?? 0;
    // Exactly one day number: 18 May 2025 or May 18, 2025; "May 2025" names a month, "18 May 19, 2025" is two things.
    if ((m[1] === undefined) === (m[3] === undefined)) continue;
    const day = Number(m[1] ?? m[3] ?? 0);
    const year = Number(m[4]);
    if (!plausible(year, month, day)) continue;
    out.push({ year, month, day, hour: null, minute: null, second: null, offsetMinutes: null, index: m.index ?? 0 });
    if (out.length >= limit) break;
  }
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * ISO 8601 in the page's local time with an offset: the page's own, else the default zone
 * (+08:00 for Chinese pages). Never converted to UTC: the written calendar date is what counts.
 */
export function toIsoLocal(date: FoundDate, defaultOffsetMinutes: number | null): string {
  const day = `${date.year}-${pad(date.month)}-${pad(date.day)}`;
  const time = `T${pad(date.hour ?? 0)}:${pad(date.minute ?? 0)}:${pad(date.second ?? 0)}`;
  const offset = date.offsetMinutes ?? defaultOffsetMinutes;
  return `${day}${time}${offset === null ? '' : formatOffset(offset)}`;
}

/** Parses one machine date (meta tags, `<time datetime>`, JSON-LD). */
export function parseMachineDate(value: string): FoundDate | null {
  const found = findDates(value, 1)[0] ?? findEnglishDates(value, 1)[0];
  if (found) return found;
  // Unix seconds or milliseconds, as some CMSs write them.
  if (/^\d{10}(\d{3})?$/.test(value.trim())) {
    const ms = value.trim().length === 10 ? Number(value) * 1000 : Number(value);
    const d = new Date(ms + 8 * 3600_000);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), offsetMinutes: 480, index: 0 };
  }
  return null;
}
