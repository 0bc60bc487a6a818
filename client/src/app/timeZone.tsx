import { formatZonedFullTime, formatZonedTime } from '@accord/shared/domain/timeZone';
import { describeTimeZoneIn } from '@accord/shared/i18n/formatTime';
import { isLocale, type Locale } from '@accord/shared/i18n/locales';
import { useLingui } from '@lingui/react';
import { createContext, type ReactNode, useContext, useMemo } from 'react';

/** How the pages of one negotiation write times: always on its clock, with the zone named. */
export interface TimeFormat {
  /** The negotiation's IANA zone. */
  timeZone: string;
  /** "2:56 AM EST" today, "Jun 11, 2:56 AM EDT" another day (see `formatZonedTime`). */
  short: (at: number, now?: number) => string;
  /** "November 29, 2026 at 9:05:00 AM Eastern Standard Time", for a tooltip. */
  full: (at: number) => string;
  /** "New York time (UTC-5)": the zone in words, for a caption near a list of times. */
  zone: (at?: number) => string;
}

/** The time format of a zone, in the page's language. */
export function timeFormatFor(timeZone: string, locale: Locale): TimeFormat {
  return {
    timeZone,
    short: (at, now = Date.now()) => formatZonedTime(at, now, { timeZone, locale }),
    full: (at) => formatZonedFullTime(at, { timeZone, locale }),
    zone: (at = Date.now()) => describeTimeZoneIn(timeZone, at, locale),
  };
}

const TimeZoneContext = createContext<TimeFormat | null>(null);

/** Gives every time below it the negotiation's zone. */
export function NegotiationTimeZone({
  timeZone,
  children,
}: {
  timeZone: string;
  children: ReactNode;
}) {
  const { i18n } = useLingui();
  const locale = isLocale(i18n.locale) ? i18n.locale : 'en';
  const value = useMemo(() => timeFormatFor(timeZone, locale), [timeZone, locale]);
  return <TimeZoneContext.Provider value={value}>{children}</TimeZoneContext.Provider>;
}

/**
 * The negotiation's time format. Outside a negotiation's pages there is no zone to speak of:
 * using a time there is a mistake, and it fails loudly rather than fall back to the machine's.
 */
export function useTimeFormat(): TimeFormat {
  const value = useContext(TimeZoneContext);
  if (!value) throw new Error('useTimeFormat must be used inside <NegotiationTimeZone>');
  return value;
}
