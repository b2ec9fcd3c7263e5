import { describe, expect, it } from 'vitest';
import { findDates } from './date-parse.ts';

const days = (text: string) => findDates(text).map((d) => `${d.year}-${d.month}-${d.day}`);

describe('dates written in a page', () => {
  it('reads numeric, US-style and English dates in the order they are written', () => {
    expect(days('发布时间：2025-05-19 10:28 更新 5/20/2025 9:00 PM, then May 21, 2025')).toEqual(['2025-5-19', '2025-5-20', '2025-5-21']);
  });

  it('reads the English forms sites use', () => {
    for (const [text, day] of [
      ['Posted 15 Dec, 2025', '2025-12-15'],
      ['on Friday January 12, 2024 @11:40AM', '2024-1-12'],
      ['Updated Sept. 3, 2024', '2024-9-3'],
      ['January 22nd, 2019 tech', '2019-1-22'],
    ] as const) {
      expect(days(text)).toEqual([day]);
    }
  });

  it('reads a date whose text runs into the next block', () => {
    expect(days('Last updated:Dec 12, 2025We’ve compiled the list')).toEqual(['2025-12-12']);
  });

  it('does not read a month with a year, or words that start like a month, as a day', () => {
    expect(days('Published in May 2025')).toEqual([]);
    expect(days('The Mayor 12, 2025 plan and Marching 3, 2024')).toEqual([]);
  });
});
