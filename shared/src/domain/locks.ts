import { delegationAgent } from '../i18n/domainWords';
import { type Message, translate } from '../i18n/i18n';
import type { Locale } from '../i18n/locales';
import type { Result } from '../result';
import type { ClauseLock } from './clauseMeta';
import { PARTY_CODES } from './delegations';
import type { ClausePositions } from './positions';
import { hasVisibleText } from './visibleText';

/** The longest reason a moderator may give for locking or unlocking a clause. */
export const LOCK_REASON_MAX_CHARS = 500;

/** Whether all five parties agree (plain `agree`, not ad referendum) with the clause's text. */
export function allPartiesAgree(positionsOnCurrentText: ClausePositions): boolean {
  return PARTY_CODES.every((code) => positionsOnCurrentText[code]?.position === 'agree');
}

/**
 * Whether a lock or unlock needs a written reason: unlocking always does; locking does unless
 * all five parties agree with the current text (the positions passed must be the ones that hold
 * for it, as `summarizeClauses` gives them).
 */
export function lockReasonRequired(
  locking: boolean,
  positionsOnCurrentText: ClausePositions,
): boolean {
  return !locking || !allPartiesAgree(positionsOnCurrentText);
}

/**
 * Parses a reason typed by a moderator: trimmed, non-empty when required (invisible characters
 * alone count as empty), at most `LOCK_REASON_MAX_CHARS`. An empty optional reason is null.
 */
export function parseLockReason(
  raw: string | null | undefined,
  required: boolean,
): Result<string | null, string> {
  const reason = (raw ?? '').trim();
  if (reason.length > LOCK_REASON_MAX_CHARS) {
    return { ok: false, error: `A reason may have at most ${LOCK_REASON_MAX_CHARS} characters.` };
  }
  if (!hasVisibleText(reason)) {
    return required
      ? { ok: false, error: 'A written reason is required.' }
      : { ok: true, value: null };
  }
  return { ok: true, value: reason };
}

const LOCK_MESSAGES = {
  withName: /*i18n*/ {
    id: 'lock.lockerWithName',
    message: '{who} ({name})',
    comment: 'Who locked a clause and the person: "the Chair (Amb. Ruth Okafor)".',
  },
  refusal: /*i18n*/ {
    id: 'lock.refusal',
    message:
      '{label} is locked by {who}; the whole change was refused, edits to other clauses included.',
  },
} as const satisfies Record<string, Message>;

/** Who locked a clause, as a phrase: "the Chair", "Mexico" («la Présidence», «le Mexique»). */
export function lockerPhrase(lock: Pick<ClauseLock, 'delegation'>, locale: Locale = 'en'): string {
  return delegationAgent(lock.delegation, locale);
}

/**
 * Who locked a clause, with the person when their name is known: "the Chair (Amb. Ruth Okafor)";
 * "the Chair" alone when it is not.
 */
export function lockerWithName(
  lock: Pick<ClauseLock, 'delegation'>,
  name: string | null,
  locale: Locale = 'en',
): string {
  const phrase = lockerPhrase(lock, locale);
  return name ? translate(locale, LOCK_MESSAGES.withName, { who: phrase, name }) : phrase;
}

/**
 * The notice a sender gets when the server refuses an update touching a locked clause; short
 * enough for a WebSocket close reason (at most 123 bytes) in English, which the server sends;
 * the client may show it in the reader's language.
 */
export function lockedClauseRefusal(
  label: string,
  lock: Pick<ClauseLock, 'delegation'>,
  locale: Locale = 'en',
): string {
  return translate(locale, LOCK_MESSAGES.refusal, { label, who: lockerPhrase(lock, locale) });
}
