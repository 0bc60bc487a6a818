import { describe, expect, it } from 'vitest';
import { formatCalendarDate, formatUpdatedAt } from './formatTime';

const now = new Date('2025-06-11T12:00:00Z');

describe('formatUpdatedAt', () => {
  it('speaks relatively for recent changes', () => {
    expect(formatUpdatedAt('2025-06-11T11:59:30Z', now, 'UTC', 'en')).toBe('just now');
    expect(formatUpdatedAt('2025-06-11T11:55:00Z', now, 'UTC', 'en')).toBe('5 minutes ago');
    expect(formatUpdatedAt('2025-06-10T11:00:00Z', now, 'UTC', 'en')).toBe('yesterday');
  });

  it('gives the date on the negotiation’s clock for old changes, and nothing for garbage', () => {
    expect(formatUpdatedAt('2025-05-01T03:00:00Z', now, 'America/Mexico_City', 'en-US')).toMatch(
      /^Apr 30, 9:00\sPM CST$/,
    );
    expect(formatUpdatedAt('not a date', now, 'UTC', 'en')).toBeNull();
  });
});

describe('formatCalendarDate', () => {
  it('does not shift the day with the time zone', () => {
    expect(formatCalendarDate('2025-06-11', 'en-GB')).toBe('11 June 2025');
  });
});
