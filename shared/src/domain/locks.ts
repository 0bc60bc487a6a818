import type { Result } from '../result';
import type { ClauseLock } from './clauseMeta';
import { DELEGATIONS, PARTY_CODES } from './delegations';
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

/** Who locked a clause, as a phrase: "the Chair", "Mexico". */
export function lockerPhrase(lock: Pick<ClauseLock, 'delegation'>): string {
  return lock.delegation === 'CHAIR' ? 'the Chair' : DELEGATIONS[lock.delegation].name;
}

/**
 * Who locked a clause, with the person when their name is known: "the Chair (Amb. Ruth Okafor)";
 * "the Chair" alone when it is not.
 */
export function lockerWithName(lock: Pick<ClauseLock, 'delegation'>, name: string | null): string {
  const phrase = lockerPhrase(lock);
  return name ? `${phrase} (${name})` : phrase;
}

/**
 * The notice a sender gets when the server refuses an update touching a locked clause; short
 * enough for a WebSocket close reason (at most 123 bytes).
 */
export function lockedClauseRefusal(label: string, lock: Pick<ClauseLock, 'delegation'>): string {
  return `${label} is locked by ${lockerPhrase(lock)}; the whole change was refused, edits to other clauses included.`;
}
