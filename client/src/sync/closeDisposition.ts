import {
  CLOSE_CODES,
  describeCloseCode,
  REFUSED_CHANGE_CLOSE_CODES,
  TERMINAL_CLOSE_CODES,
} from '@accord/shared/protocol/closeCodes';
import { t } from '@lingui/core/macro';
import { pageLocale } from '../i18n/domainWords';

/** What a closed sync socket means for the client. */
export type CloseDisposition =
  /** We closed it ourselves (navigation, reconnect after coming online): nothing to do. */
  | 'local'
  /** A network drop or a server restart: the provider reconnects by itself. */
  | 'transient'
  /** Reconnecting cannot help until the person acts (signs in again…): stop. */
  | 'terminal'
  /** The server refused a change: throw the document away and start over from the server's. */
  | 'refused';

/** Classifies a close event's code; null is a close the provider initiated itself. */
export function closeDisposition(code: number | null | undefined): CloseDisposition {
  if (code === null || code === undefined) return 'local';
  if ((TERMINAL_CLOSE_CODES as readonly number[]).includes(code)) return 'terminal';
  if ((REFUSED_CHANGE_CLOSE_CODES as readonly number[]).includes(code)) return 'refused';
  return 'transient';
}

/**
 * How long to wait before starting over after a refusal, given how many refusals came recently:
 * at once the first time, then backing off, so that a client the server keeps refusing does not
 * hammer it in a tight loop.
 */
export function refusalRestartDelayMs(recentRefusals: number): number {
  if (recentRefusals <= 1) return 0;
  return Math.min(1_000 * 2 ** (recentRefusals - 2), 30_000);
}

/**
 * What a refused change notice says: for a locked clause, the server's close reason names the
 * clause and who locked it ("OP3 is locked by the Chair; …"); otherwise the code's description.
 */
export function refusalMessage(code: number | null, reason: string | undefined): string {
  if (code === CLOSE_CODES.clauseLocked && reason) return reason;
  return describeCloseCode(code ?? 0, pageLocale()) ?? t`A change was refused by the server.`;
}

/**
 * Why the connection ended for good, as the notice says it. When the server withdrew or changed
 * the person's rights it says how in the close reason ("Your role is now observer (read
 * only).", "Your account has been disabled."): that sentence is shown, with what to do next.
 */
export function stoppedMessage(code: number, reason: string | undefined): string {
  if (code === CLOSE_CODES.accessChanged && reason) {
    return `${reason} ${t`Reload the draft to continue with your new rights.`}`;
  }
  if (code === CLOSE_CODES.forbidden && reason) return reason;
  return describeCloseCode(code, pageLocale()) ?? t`The connection was closed.`;
}
