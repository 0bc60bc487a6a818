import { describe, expect, it } from 'vitest';
import {
  describeTimeZone,
  formatExportTime,
  formatUtcOffset,
  formatZonedFullTime,
  formatZonedTime,
  isoInZone,
  parseTimeZone,
  timeZoneCity,
  utcOffsetMinutes,
  wallClock,
} from './timeZone';

/** 29 November 2026, 14:05 UTC: 08:05 in Mexico City, 09:05 in New York, 19:35 in Kolkata. */
const AT = Date.UTC(2026, 10, 29, 14, 5);
const MEXICO = { timeZone: 'America/Mexico_City', locale: 'en-US' };

describe('parseTimeZone', () => {
  it('accepts IANA names and returns their canonical spelling', () => {
    expect(parseTimeZone('America/Mexico_City')).toEqual({
      ok: true,
      value: 'America/Mexico_City',
    });
    expect(parseTimeZone('  america/mexico_city ')).toEqual({
      ok: true,
      value: 'America/Mexico_City',
    });
    expect(parseTimeZone('UTC')).toEqual({ ok: true, value: 'UTC' });
    expect(parseTimeZone('Etc/GMT+5')).toEqual({ ok: true, value: 'Etc/GMT+5' });
  });

  it('refuses unknown zones, offsets, empty and non-string values with a sentence', () => {
    for (const bad of ['Mars/Olympus_Mons', '+01:00', 'GMT+1 ', '', '   ', 'America/', '../etc']) {
      const parsed = parseTimeZone(bad);
      expect(parsed.ok, bad).toBe(false);
      if (!parsed.ok)
        expect(parsed.error).toMatch(/IANA time zone name such as America\/Mexico_City/);
    }
    expect(parseTimeZone(42).ok).toBe(false);
    expect(parseTimeZone(null).ok).toBe(false);
    expect(parseTimeZone('A/'.repeat(40)).ok).toBe(false);
  });
});

describe('formatZonedTime', () => {
  it('names the zone and reads the clock of the negotiation, not of the machine', () => {
    expect(formatZonedTime(AT, AT, MEXICO)).toBe('8:05 AM CST');
    expect(formatZonedTime(AT, AT, { timeZone: 'America/New_York', locale: 'en-US' })).toBe(
      '9:05 AM EST',
    );
    expect(formatZonedTime(AT, AT, { timeZone: 'UTC', locale: 'en-GB' })).toBe('14:05 UTC');
  });

  it('adds the day on another day of the negotiation’s calendar, and the year in another year', () => {
    // 05:00 UTC on the 30th is still the 29th in Mexico City: the same day there.
    expect(formatZonedTime(AT, Date.UTC(2026, 10, 30, 5, 0), MEXICO)).toBe('8:05 AM CST');
    expect(formatZonedTime(AT, Date.UTC(2026, 10, 30, 7, 0), MEXICO)).toBe('Nov 29, 8:05 AM CST');
    expect(formatZonedTime(AT, Date.UTC(2027, 0, 2), MEXICO)).toBe('Nov 29, 2026, 8:05 AM CST');
  });

  it('follows daylight saving time where the zone has it', () => {
    const july = Date.UTC(2026, 6, 1, 14, 5);
    expect(formatZonedTime(july, july, { timeZone: 'America/New_York', locale: 'en-US' })).toBe(
      '10:05 AM EDT',
    );
  });

  it('shows nothing for a time that is not one', () => {
    expect(formatZonedTime(Number.NaN, AT, MEXICO)).toBe('');
    expect(formatZonedFullTime(Number.NaN, MEXICO)).toBe('');
  });
});

describe('formatZonedFullTime', () => {
  it('gives the date and the zone’s long name', () => {
    expect(formatZonedFullTime(AT, MEXICO)).toBe(
      'November 29, 2026 at 8:05:00 AM Central Standard Time',
    );
  });
});

describe('offsets and names', () => {
  it('computes the offset at an instant, half hours and daylight saving included', () => {
    expect(utcOffsetMinutes(AT, 'America/Mexico_City')).toBe(-360);
    expect(utcOffsetMinutes(AT, 'Asia/Kolkata')).toBe(330);
    expect(utcOffsetMinutes(AT, 'UTC')).toBe(0);
    expect(utcOffsetMinutes(Date.UTC(2026, 6, 1), 'America/New_York')).toBe(-240);
  });

  it('writes offsets in ASCII, so that every export font has them', () => {
    expect(formatUtcOffset(-360)).toBe('UTC-6');
    expect(formatUtcOffset(330)).toBe('UTC+5:30');
    expect(formatUtcOffset(0)).toBe('UTC');
  });

  it('names a zone by its city, and UTC by itself', () => {
    expect(timeZoneCity('America/Mexico_City')).toBe('Mexico City');
    expect(timeZoneCity('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
    expect(timeZoneCity('UTC')).toBeNull();
    expect(timeZoneCity('Etc/GMT+5')).toBeNull();
    expect(describeTimeZone('America/Mexico_City', AT)).toBe('Mexico City time (UTC-6)');
    expect(describeTimeZone('Asia/Kolkata', AT)).toBe('Kolkata time (UTC+5:30)');
    expect(describeTimeZone('UTC', AT)).toBe('UTC');
    expect(describeTimeZone('Etc/GMT+5', AT)).toBe('UTC-5');
  });

  it('reads the wall clock of a zone, across midnight', () => {
    expect(wallClock(Date.UTC(2026, 10, 30, 3, 30), 'America/Mexico_City')).toEqual({
      year: 2026,
      month: 11,
      day: 29,
      hour: 21,
      minute: 30,
    });
    expect(wallClock(Date.UTC(2026, 11, 31, 20, 0), 'Asia/Kolkata')).toEqual({
      year: 2027,
      month: 1,
      day: 1,
      hour: 1,
      minute: 30,
    });
  });
});

describe('isoInZone', () => {
  it('writes the wall clock with its offset, the same instant as toISOString', () => {
    expect(isoInZone(AT + 42_500, 'America/Mexico_City')).toBe('2026-11-29T08:05:42-06:00');
    expect(isoInZone(AT, 'Asia/Kolkata')).toBe('2026-11-29T19:35:00+05:30');
    expect(isoInZone(AT, 'UTC')).toBe('2026-11-29T14:05:00Z');
    for (const zone of ['America/Mexico_City', 'Asia/Kolkata', 'UTC']) {
      expect(Date.parse(isoInZone(AT + 42_000, zone))).toBe(AT + 42_000);
    }
  });
});

describe('formatExportTime', () => {
  it('writes English with the zone named, whatever the machine', () => {
    expect(formatExportTime(AT, 'America/Mexico_City')).toBe(
      '29 November 2026, 08:05 Mexico City time (UTC-6)',
    );
    expect(formatExportTime(AT, 'UTC')).toBe('29 November 2026, 14:05 UTC');
    expect(formatExportTime(Date.UTC(2026, 10, 29, 0, 0), 'UTC')).toBe(
      '29 November 2026, 00:00 UTC',
    );
  });
});
