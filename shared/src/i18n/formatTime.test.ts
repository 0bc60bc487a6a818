import { describe, expect, it } from 'vitest';
import { formatExportTime } from '../domain/timeZone';
import { describeTimeZoneIn, formatClock, formatExportTimeIn, formatIsoDateIn } from './formatTime';

/** Issue 16: dates and times through Intl, on the negotiation's clock, in three languages. */

// 29 November 2026, 14:05 UTC: 08:05 in Mexico City (UTC-6), 09:05 in New York (UTC-5).
const AT = Date.UTC(2026, 10, 29, 14, 5);

describe('export times', () => {
  it('English is exactly what exports wrote before translation', () => {
    for (const zone of ['America/Mexico_City', 'America/New_York', 'UTC', 'Asia/Kolkata']) {
      expect(formatExportTimeIn(AT, zone, 'en')).toBe(formatExportTime(AT, zone));
    }
    expect(formatExportTimeIn(AT, 'America/Mexico_City', 'en')).toBe(
      '29 November 2026, 08:05 Mexico City time (UTC-6)',
    );
  });

  it('Spanish and French write the date, the time and the zone their way', () => {
    expect(formatExportTimeIn(AT, 'America/Mexico_City', 'es')).toBe(
      '29 de noviembre de 2026, a las 08:05, hora estándar central (UTC-6)',
    );
    expect(formatExportTimeIn(AT, 'America/Mexico_City', 'fr')).toBe(
      '29 novembre 2026 à 8 h 05, heure normale du centre nord-américain (UTC-6)',
    );
    expect(formatExportTimeIn(AT, 'UTC', 'fr')).toBe('29 novembre 2026 à 14 h 05, UTC');
  });

  it('follow the zone, not the machine: the day changes with the zone', () => {
    const lateUtc = Date.UTC(2026, 11, 1, 3, 30);
    expect(formatExportTimeIn(lateUtc, 'America/New_York', 'es')).toBe(
      '30 de noviembre de 2026, a las 22:30, hora oriental (UTC-5)',
    );
    expect(formatExportTimeIn(lateUtc, 'UTC', 'fr')).toBe('1er décembre 2026 à 3 h 30, UTC');
    expect(formatClock(lateUtc, 'Asia/Kolkata', 'fr')).toBe('9 h 00');
    expect(describeTimeZoneIn('Asia/Kolkata', lateUtc, 'es')).toBe(
      'hora estándar de la India (UTC+5:30)',
    );
  });
});

describe('calendar dates', () => {
  it('are written in each language, and anything else is kept as given', () => {
    expect(formatIsoDateIn('2025-06-11', 'en')).toBe('11 June 2025');
    expect(formatIsoDateIn('2025-06-11', 'es')).toBe('11 de junio de 2025');
    expect(formatIsoDateIn('2025-06-11', 'fr')).toBe('11 juin 2025');
    expect(formatIsoDateIn('2025-07-01', 'fr')).toBe('1er juillet 2025');
    expect(formatIsoDateIn('June 2025', 'es')).toBe('June 2025');
    expect(formatIsoDateIn('2025-13-01', 'fr')).toBe('2025-13-01');
  });
});
