import type { Result } from '../result';

/**
 * A negotiation's time zone (SPEC W1, W2: "times are shown in the negotiation's time
 * zone") and every way Accord writes a time in it. Pure: the zone is always passed in, never
 * read from the machine, so a delegate in Ottawa and one in San Salvador read the same clock.
 */

/** The longest zone name accepted; IANA names are far shorter. */
const TIME_ZONE_MAX_CHARS = 64;

/** An IANA name's shape ("America/Mexico_City", "UTC", "Etc/GMT+5"), not an offset ("+01:00"). */
const IANA_SHAPE = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;

/**
 * Parses a time zone given by a person or a file: an IANA name the runtime knows, returned in
 * its canonical spelling ("america/mexico_city" → "America/Mexico_City"). Offsets and
 * abbreviations that are not zones are refused with a sentence saying what to give instead.
 */
export function parseTimeZone(raw: unknown): Result<string, string> {
  const hint = 'Give an IANA time zone name such as America/Mexico_City, America/New_York or UTC.';
  if (typeof raw !== 'string' || raw.trim() === '') {
    return { ok: false, error: `A time zone is required. ${hint}` };
  }
  const name = raw.trim();
  if (name.length > TIME_ZONE_MAX_CHARS || !IANA_SHAPE.test(name)) {
    return {
      ok: false,
      error: `"${name.slice(0, TIME_ZONE_MAX_CHARS)}" is not a time zone name. ${hint}`,
    };
  }
  try {
    const canonical = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions()
      .timeZone;
    return { ok: true, value: canonical };
  } catch {
    return { ok: false, error: `"${name}" is not a time zone Accord knows. ${hint}` };
  }
}

/** Where a time is shown, and in which language (the browser's when not given). */
export interface ZoneOptions {
  timeZone: string;
  locale?: string | undefined;
}

/** An instant's calendar day in a zone, "2026-11-29", to compare days. */
function dayIn(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, dateStyle: 'short' }).format(new Date(at));
}

/**
 * A time as the app shows it beside a change, a lock, a comment or an audit entry, always with
 * its zone: "2:56 AM CST" today, "Jun 11, 2:56 AM CST" another day of this year, with the year
 * when it differs. "Today" is the day in the negotiation's zone, not the reader's.
 */
export function formatZonedTime(at: number, now: number, options: ZoneOptions): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return '';
  const { timeZone, locale } = options;
  const sameDay = dayIn(at, timeZone) === dayIn(now, timeZone);
  const sameYear = dayIn(at, timeZone).slice(0, 4) === dayIn(now, timeZone).slice(0, 4);
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    ...(sameDay ? {} : { day: 'numeric', month: 'short' }),
    ...(sameDay || sameYear ? {} : { year: 'numeric' }),
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(date);
}

/** The full date and time with the zone's long name, for a tooltip. */
export function formatZonedFullTime(at: number, options: ZoneOptions): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(options.locale, {
    timeZone: options.timeZone,
    dateStyle: 'long',
    timeStyle: 'full',
  }).format(date);
}

/** The zone's offset from UTC at an instant, in minutes east (Mexico City: −360). */
export function utcOffsetMinutes(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(new Date(at));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((candidate) => candidate.type === type)?.value ?? 0);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
  return Math.round((wall - Math.floor(at / 60_000) * 60_000) / 60_000);
}

/** "UTC-6", "UTC+5:30", "UTC": ASCII, so that every export font has the sign. */
export function formatUtcOffset(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const sign = minutes < 0 ? '-' : '+';
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  return `UTC${sign}${hours}${rest === 0 ? '' : `:${String(rest).padStart(2, '0')}`}`;
}

/** A zone's place in words: "Mexico City" for America/Mexico_City; null for UTC and Etc/…. */
export function timeZoneCity(timeZone: string): string | null {
  if (timeZone === 'UTC' || timeZone.startsWith('Etc/') || !timeZone.includes('/')) return null;
  return (timeZone.split('/').at(-1) ?? timeZone).replaceAll('_', ' ');
}

/**
 * The zone named for a reader at an instant: "Mexico City time (UTC-6)", or "UTC" alone.
 * Shown once near the times (and in exports), so that "CST" beside each time is never a riddle.
 */
export function describeTimeZone(timeZone: string, at: number): string {
  const offset = formatUtcOffset(utcOffsetMinutes(at, timeZone));
  const city = timeZoneCity(timeZone);
  if (city === null) return offset;
  return `${city} time (${offset})`;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** The wall-clock date and time of an instant in a zone, as numbers. */
export function wallClock(
  at: number,
  timeZone: string,
): { year: number; month: number; day: number; hour: number; minute: number } {
  const shifted = new Date(
    Math.floor(at / 60_000) * 60_000 + utcOffsetMinutes(at, timeZone) * 60_000,
  );
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

/**
 * An instant as ISO 8601 on a zone's clock, with its offset: "2026-11-29T09:05:00-05:00" (to
 * the second; "Z" for UTC). The same instant as `toISOString`, readable by a person in the room.
 */
export function isoInZone(at: number, timeZone: string): string {
  const offset = utcOffsetMinutes(at, timeZone);
  const wall = new Date(Math.floor(at / 1000) * 1000 + offset * 60_000).toISOString().slice(0, 19);
  if (offset === 0) return `${wall}Z`;
  const two = (value: number) => String(value).padStart(2, '0');
  const sign = offset < 0 ? '-' : '+';
  return `${wall}${sign}${two(Math.floor(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`;
}

/**
 * A time as exports write it, in English whatever the machine: "29 November 2026, 08:05
 * Mexico City time (UTC-6)", or "29 November 2026, 14:05 UTC".
 */
export function formatExportTime(at: number, timeZone: string): string {
  const clock = wallClock(at, timeZone);
  const hours = String(clock.hour).padStart(2, '0');
  const minutes = String(clock.minute).padStart(2, '0');
  return `${clock.day} ${MONTHS[clock.month - 1]} ${clock.year}, ${hours}:${minutes} ${describeTimeZone(timeZone, at)}`;
}
