import type { DelegationCode } from '../domain/delegations';
import { utcOffsetMinutes } from '../domain/timeZone';
import { type Message, translate } from '../i18n/i18n';
import type { Locale } from '../i18n/locales';
import type { Result } from '../result';

/**
 * The silence procedure (issue 15): a moderator puts an issued revision under silence with a
 * deadline; until then any delegation may break silence with a written reason, which ends the
 * procedure at once; if the deadline passes unbroken the revision is adopted.
 */

/** How a procedure stands: running, or ended one of two ways. */
export const SILENCE_STATES = ['running', 'broken', 'adopted'] as const;

/** One state of a procedure. */
export type SilenceState = (typeof SILENCE_STATES)[number];

/** The reason written into the lock of every clause of an adopted revision. */
export const ADOPTED_LOCK_REASON = 'adopted under silence procedure';

/** The longest reason for breaking silence. */
export const SILENCE_REASON_MAX_CHARS = 2_000;

/** A silence procedure as the API shows it. */
export interface SilenceProcedureView {
  id: string;
  documentId: string;
  revisionNumber: number;
  revisionSymbol: string;
  state: SilenceState;
  startedBy: { userId: string; displayName: string };
  /** Milliseconds since the epoch. */
  startedAt: number;
  /** The deadline, in milliseconds since the epoch (UTC). */
  deadline: number;
  /** When it ended (broken or adopted); null while running. */
  endedAt: number | null;
  /** Who broke silence and why; null unless broken. */
  brokenBy: { userId: string; displayName: string; delegation: DelegationCode } | null;
  reason: string | null;
}

/** The words of a deadline that cannot be read (SPEC W1). */
const DEADLINE_ERRORS = {
  format: /*i18n*/ {
    id: 'silence.deadlineFormat',
    message:
      "Give the deadline as a date and time on the negotiation's clock ({timeZone}), like {example}.",
  },
  notReal: /*i18n*/ {
    id: 'silence.deadlineNotReal',
    message: '{value} is not a real date and time.',
  },
} as const satisfies Record<string, Message>;

/**
 * A wall-clock time typed in the negotiation's zone ("2026-12-05T17:00", seconds optional) as
 * milliseconds since the epoch. A time that the zone skips (a daylight-saving gap) is read
 * with the offset before the change, as most calendars do.
 */
export function parseZonedDeadline(
  raw: string,
  timeZone: string,
  /** The language of the error (the requester's); English by default. */
  locale: Locale = 'en',
): Result<number, string> {
  const match = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(raw.trim());
  if (match === null) {
    return {
      ok: false,
      error: translate(locale, DEADLINE_ERRORS.format, { timeZone, example: '2026-12-05T17:00' }),
    };
  }
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  const wall = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0, second ?? 0);
  const check = new Date(wall);
  if (
    check.getUTCMonth() + 1 !== month ||
    check.getUTCDate() !== day ||
    (hour ?? 0) > 23 ||
    (minute ?? 0) > 59 ||
    (second ?? 0) > 59
  ) {
    return { ok: false, error: translate(locale, DEADLINE_ERRORS.notReal, { value: raw.trim() }) };
  }
  // The offset at the guess, then at the corrected instant: right on both sides of a change.
  const guess = wall - utcOffsetMinutes(wall, timeZone) * 60_000;
  return { ok: true, value: wall - utcOffsetMinutes(guess, timeZone) * 60_000 };
}

/** "2 h 05 min 09 s" until the deadline, or "0 s" once it has passed. */
export function formatCountdown(msLeft: number, locale: Locale = 'en'): string {
  const total = Math.max(0, Math.ceil(msLeft / 1000));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const two = (value: number) => String(value).padStart(2, '0');
  // SI symbols are the same in the three languages but for the day: French writes "j" (jour).
  const day = locale === 'fr' ? 'j' : 'd';
  if (days > 0) return `${days} ${day} ${hours} h ${two(minutes)} min`;
  if (hours > 0) return `${hours} h ${two(minutes)} min ${two(seconds)} s`;
  if (minutes > 0) return `${minutes} min ${two(seconds)} s`;
  return `${seconds} s`;
}
