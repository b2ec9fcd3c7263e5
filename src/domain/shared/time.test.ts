import { describe, expect, it } from 'vitest';
import { formatMinute, isoToLocal, localToIso } from './time.ts';

describe('times in the site zone', () => {
  it('shows UTC instants in Asia/Shanghai to the minute', () => {
    expect(formatMinute('2025-05-19T02:28:59Z', 'Asia/Shanghai')).toBe('2025-05-19 10:28');
    expect(formatMinute('2025-05-18T16:00:00Z', 'Asia/Shanghai')).toBe('2025-05-19 00:00');
  });
  it('reads times typed in the zone back to UTC, across a date line', () => {
    expect(localToIso('2025-05-19T10:28', 'Asia/Shanghai')).toBe('2025-05-19T02:28:00.000Z');
    expect(localToIso('2025-05-19T01:00', 'Asia/Shanghai')).toBe('2025-05-18T17:00:00.000Z');
    expect(localToIso('2025-07-01T12:00', 'Europe/Berlin')).toBe('2025-07-01T10:00:00.000Z');
    expect(isoToLocal('2025-05-18T17:00:00.000Z', 'Asia/Shanghai')).toBe('2025-05-19T01:00');
    expect(localToIso('2025-05-19T10:28:30', 'Asia/Shanghai')).toBe('2025-05-19T02:28:30.000Z');
    expect(localToIso('yesterday', 'Asia/Shanghai')).toBeUndefined();
  });
});
