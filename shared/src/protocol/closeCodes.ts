import { type Message, translate } from '../i18n/i18n';
import type { Locale } from '../i18n/locales';

/**
 * WebSocket close codes of the sync channel, shared by server and client (4000–4999 is the
 * range RFC 6455 leaves to applications). The client uses them to tell a person why it was
 * disconnected and whether reconnecting can help.
 */
export const CLOSE_CODES = {
  /** The session expired or was signed out while connected. */
  unauthorized: 4401,
  /** The user lost access to the negotiation while connected (removed, account disabled). */
  forbidden: 4403,
  /**
   * The user's role or delegation changed while connected: nothing more is taken from this
   * socket; the draft must be opened again to continue with the new rights.
   */
  accessChanged: 4412,
  /** The document no longer exists. */
  notFound: 4404,
  /** A frame exceeded `LIMITS.maxSyncMessageBytes`. */
  messageTooLarge: 4413,
  /** A frame or the update inside it could not be decoded. */
  malformedMessage: 4400,
  /** An update depends on structs the server has never seen: it would stay pending forever. */
  missingDependencies: 4409,
  /** An update carries structs of a client id bound to another user. */
  foreignClientId: 4410,
  /** An update was refused by a document rule (for example, it touches a locked clause). */
  updateRejected: 4422,
  /**
   * An update touches a locked clause (inserts into it, deletes or formats any of it, moves it):
   * the whole update is refused, edits to unlocked clauses in it included.
   */
  clauseLocked: 4423,
  /** The server is shutting down; reconnect later. */
  serverShutdown: 4503,
  /** The socket could not keep up with the document's traffic (send buffer full); reconnect. */
  slowConnection: 4504,
  /**
   * Another server took the draft over (its owner stopped or the link between servers broke):
   * reconnect at once; the client resyncs with the new owner.
   */
  draftMoved: 4507,
  /** Storage failed; nothing was applied. Reconnect later. */
  internalError: 4500,
} as const;

/** The name of one of Accord's close codes. */
export type CloseReason = keyof typeof CLOSE_CODES;

/** A close code the server sends. */
export type CloseCode = (typeof CLOSE_CODES)[CloseReason];

/** Close codes after which reconnecting cannot help until the person acts (signs in again…). */
export const TERMINAL_CLOSE_CODES: readonly CloseCode[] = [
  CLOSE_CODES.unauthorized,
  CLOSE_CODES.forbidden,
  CLOSE_CODES.accessChanged,
  CLOSE_CODES.notFound,
];

/**
 * Close codes after which the server has refused something this client sent. Reconnecting with
 * the same Y.Doc would resend the refused structs and be refused again, forever; the client
 * must start over from a fresh document instead.
 */
export const REFUSED_CHANGE_CLOSE_CODES: readonly CloseCode[] = [
  CLOSE_CODES.malformedMessage,
  CLOSE_CODES.missingDependencies,
  CLOSE_CODES.foreignClientId,
  CLOSE_CODES.updateRejected,
  CLOSE_CODES.clauseLocked,
  CLOSE_CODES.messageTooLarge,
];

/**
 * What each close code means for the person, in their language: the client shows it in the
 * connection indicator. Keyed by the code's stable name, never by its English text.
 */
const CLOSE_REASON_MESSAGES = {
  unauthorized: /*i18n*/ {
    id: 'close.unauthorized',
    message: 'Your session has ended. Please sign in again.',
  },
  forbidden: /*i18n*/ {
    id: 'close.forbidden',
    message: 'You no longer have access to this negotiation.',
  },
  accessChanged: /*i18n*/ {
    id: 'close.accessChanged',
    message:
      'Your role in this negotiation changed. Reload the draft to continue with your new rights.',
  },
  notFound: /*i18n*/ { id: 'close.notFound', message: 'This draft no longer exists.' },
  messageTooLarge: /*i18n*/ {
    id: 'close.messageTooLarge',
    message: 'A change was too large to send and was not saved.',
  },
  malformedMessage: /*i18n*/ {
    id: 'close.malformedMessage',
    message: 'The server could not read a change and did not save it.',
  },
  missingDependencies: /*i18n*/ {
    id: 'close.missingDependencies',
    message: 'A change arrived out of order and was not saved; reconnecting.',
  },
  foreignClientId: /*i18n*/ {
    id: 'close.foreignClientId',
    message: 'A change was attributed to another user and was refused.',
  },
  updateRejected: /*i18n*/ {
    id: 'close.updateRejected',
    message: 'A change was refused by the server.',
  },
  clauseLocked: /*i18n*/ {
    id: 'close.clauseLocked',
    message:
      'A clause you edited is locked; the whole change was refused, edits to unlocked clauses included.',
  },
  serverShutdown: /*i18n*/ {
    id: 'close.serverShutdown',
    message: 'The server is restarting; reconnecting.',
  },
  slowConnection: /*i18n*/ {
    id: 'close.slowConnection',
    message: 'The connection was too slow to keep up; reconnecting.',
  },
  draftMoved: /*i18n*/ {
    id: 'close.draftMoved',
    message: 'The draft moved to another server; reconnecting.',
  },
  internalError: /*i18n*/ {
    id: 'close.internalError',
    message: 'The server could not save a change; reconnecting.',
  },
} as const satisfies Record<CloseReason, Message>;

/** The name of a close code Accord sends, or undefined for any other code. */
export function closeReasonOf(code: number): CloseReason | undefined {
  for (const [reason, value] of Object.entries(CLOSE_CODES)) {
    if (value === code) return reason as CloseReason;
  }
  return undefined;
}

/**
 * A person-readable explanation of a close code, for the connection indicator, in the person's
 * language (English when not given); undefined for a code Accord does not send.
 */
export function describeCloseCode(code: number, locale: Locale = 'en'): string | undefined {
  const reason = closeReasonOf(code);
  return reason === undefined ? undefined : translate(locale, CLOSE_REASON_MESSAGES[reason]);
}
