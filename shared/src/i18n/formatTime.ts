import { describeTimeZone, formatUtcOffset, utcOffsetMinutes, wallClock } from '../domain/timeZone';
import { type Message, translate } from './i18n';
import type { Locale } from './locales';

/**
 * Dates and times in every language, always on the negotiation's clock (SPEC W1, W2),
 * through `Intl.DateTimeFormat` with the zone passed in: the machine's zone and language never
 * leak into an export. English keeps the UN's "29 November 2026, 08:05" order.
 */

const TIME_MESSAGES = {
  /** A time of day, 24-hour: {hh} two digits, {h} without the leading zero, {mm} minutes. */
  clock: /*i18n*/ {
    id: 'time.clock',
    message: '{hh}:{mm}',
    comment: '24-hour time of day. {hh}: hour with a leading zero, {h}: without, {mm}: minutes.',
  },
  /** A date with a time and the zone named. */
  dateTime: /*i18n*/ {
    id: 'time.dateTime',
    message: '{date}, {time} {zone}',
    comment: 'An export time: "29 November 2026, 08:05 Mexico City time (UTC-6)".',
  },
  /** A zone named by its time (English: by its city, other languages: by CLDR's name). */
  zone: /*i18n*/ {
    id: 'time.zone',
    message: '{name} ({offset})',
    comment:
      '{name}: the zone\'s name from CLDR, such as "hora estándar central"; {offset}: "UTC-6".',
  },
} as const satisfies Record<string, Message>;

/** The locale tag Intl is asked for: British order for English ("29 November 2026"). */
function intlLocale(locale: Locale): string {
  return locale === 'en' ? 'en-GB' : locale;
}

/** French writes the first of the month as an ordinal: «1er novembre 2026». */
function withFrenchFirst(text: string, day: number, locale: Locale): string {
  return locale === 'fr' && day === 1 ? text.replace(/^1(?=\s)/, '1er') : text;
}

/** A calendar date in words: "29 November 2026", "29 de noviembre de 2026", «1er décembre 2026». */
export function formatLongDate(
  date: { year: number; month: number; day: number },
  locale: Locale,
): string {
  const text = new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(Date.UTC(date.year, date.month - 1, date.day)));
  return withFrenchFirst(text, date.day, locale);
}

/** An ISO calendar date ("2025-06-11") in words; anything else is shown as given. */
export function formatIsoDateIn(iso: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return iso;
  return formatLongDate({ year, month, day }, locale);
}

/** A time of day on a zone's clock: "08:05", «8 h 05». */
export function formatClock(at: number, timeZone: string, locale: Locale): string {
  const clock = wallClock(at, timeZone);
  const mm = String(clock.minute).padStart(2, '0');
  return translate(locale, TIME_MESSAGES.clock, {
    hh: String(clock.hour).padStart(2, '0'),
    h: String(clock.hour),
    mm,
  });
}

/**
 * The zone named for a reader at an instant: English by its city ("Mexico City time (UTC-6)"),
 * Spanish and French by CLDR's name of the zone's time ("hora estándar central (UTC-6)",
 * «heure normale du centre nord-américain (UTC-6)»); "UTC" alone.
 */
export function describeTimeZoneIn(timeZone: string, at: number, locale: Locale): string {
  if (locale === 'en') return describeTimeZone(timeZone, at);
  const offset = formatUtcOffset(utcOffsetMinutes(at, timeZone));
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return offset;
  const name = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'longGeneric' })
    .formatToParts(new Date(at))
    .find((part) => part.type === 'timeZoneName')?.value;
  if (name === undefined || /^(GMT|UTC)/.test(name)) return offset;
  return translate(locale, TIME_MESSAGES.zone, { name, offset });
}

/**
 * A time as exports write it, on the negotiation's clock with the zone named:
 * "29 November 2026, 08:05 Mexico City time (UTC-6)" (as `formatExportTime`), in each language.
 */
export function formatExportTimeIn(at: number, timeZone: string, locale: Locale): string {
  const clock = wallClock(at, timeZone);
  return translate(locale, TIME_MESSAGES.dateTime, {
    date: formatLongDate(clock, locale),
    time: formatClock(at, timeZone, locale),
    zone: describeTimeZoneIn(timeZone, at, locale),
  });
}
