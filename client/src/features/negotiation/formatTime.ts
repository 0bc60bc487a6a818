import { formatZonedTime } from '@accord/shared/domain/timeZone';
import { t } from '@lingui/core/macro';

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/**
 * "just now", "5 minutes ago", "yesterday"; beyond a week, the date and time on the
 * negotiation's clock, zone named. Null for a string that is not a date, so the caller can show
 * nothing rather than "Invalid Date".
 */
export function formatUpdatedAt(
  iso: string,
  now: Date,
  timeZone: string,
  locale?: string,
): string | null {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  const elapsed = now.getTime() - at.getTime();
  if (elapsed < 60_000) return t`just now`;
  if (elapsed >= 7 * 86_400_000) {
    return formatZonedTime(at.getTime(), now.getTime(), { timeZone, locale });
  }
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (elapsed >= size) return relative.format(-Math.floor(elapsed / size), unit);
  }
  return t`just now`;
}

/** A negotiation's date ("11 June 2025"), read as a calendar date whatever the time zone. */
export function formatCalendarDate(isoDate: string, locale?: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
