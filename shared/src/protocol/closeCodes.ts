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

/** A person-readable explanation of a close code, for the connection indicator. */
export function describeCloseCode(code: number): string | undefined {
  switch (code) {
    case CLOSE_CODES.unauthorized:
      return 'Your session has ended. Please sign in again.';
    case CLOSE_CODES.forbidden:
      return 'You no longer have access to this negotiation.';
    case CLOSE_CODES.accessChanged:
      return 'Your role in this negotiation changed. Reload the draft to continue with your new rights.';
    case CLOSE_CODES.notFound:
      return 'This draft no longer exists.';
    case CLOSE_CODES.messageTooLarge:
      return 'A change was too large to send and was not saved.';
    case CLOSE_CODES.malformedMessage:
      return 'The server could not read a change and did not save it.';
    case CLOSE_CODES.missingDependencies:
      return 'A change arrived out of order and was not saved; reconnecting.';
    case CLOSE_CODES.foreignClientId:
      return 'A change was attributed to another user and was refused.';
    case CLOSE_CODES.updateRejected:
      return 'A change was refused by the server.';
    case CLOSE_CODES.clauseLocked:
      return 'A clause you edited is locked; the whole change was refused, edits to unlocked clauses included.';
    case CLOSE_CODES.serverShutdown:
      return 'The server is restarting; reconnecting.';
    case CLOSE_CODES.slowConnection:
      return 'The connection was too slow to keep up; reconnecting.';
    case CLOSE_CODES.internalError:
      return 'The server could not save a change; reconnecting.';
    default:
      return undefined;
  }
}
