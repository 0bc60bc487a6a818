import { describe, expect, it } from 'vitest';
import { formatChangeTime, formatFullTime } from './changeTime';

const utc = { locale: 'en-GB', timeZone: 'UTC' };
const now = Date.UTC(2025, 5, 11, 16, 30);

describe('formatChangeTime', () => {
  it('gives the time alone for a change made today', () => {
    expect(formatChangeTime(Date.UTC(2025, 5, 11, 14, 5), now, utc)).toBe('14:05');
  });

  it('adds the date for an earlier day, and the year for an earlier year', () => {
    expect(formatChangeTime(Date.UTC(2025, 5, 10, 9, 0), now, utc)).toBe('10 Jun, 9:00');
    expect(formatChangeTime(Date.UTC(2024, 11, 31, 23, 59), now, utc)).toBe('31 Dec 2024, 23:59');
  });

  it('is empty for a time that is not one', () => {
    expect(formatChangeTime(Number.NaN, now, utc)).toBe('');
    expect(formatFullTime(Number.NaN, utc)).toBe('');
  });
});
