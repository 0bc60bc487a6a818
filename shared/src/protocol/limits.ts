/**
 * Limits shared by the server (enforcement), the client (shaping the UI) and the WebSocket
 * `maxPayload`. One place, so that they can never disagree.
 */
export const LIMITS = {
  /** Largest WebSocket frame the sync server accepts, in bytes. */
  maxSyncMessageBytes: 2 * 1024 * 1024,
  /** Largest single Yjs update (after decoding the frame), in bytes. */
  maxUpdateBytes: 1024 * 1024,
  /** Largest awareness state a client may publish, in bytes. */
  maxAwarenessBytes: 16 * 1024,
  /** Largest HTTP request body, in bytes. */
  maxRequestBodyBytes: 64 * 1024,
  usernameMin: 3,
  usernameMax: 64,
  /** Usernames: letters, digits, dot, dash and underscore. */
  usernamePattern: /^[a-z0-9._-]+$/,
  displayNameMax: 80,
  passwordMin: 10,
  passwordMax: 256,
  /** Failed sign-ins allowed per account before it is throttled. */
  loginFailuresPerAccount: 5,
  /** Failed sign-ins allowed per client address before it is throttled. */
  loginFailuresPerAddress: 20,
  /** Window over which failed sign-ins are counted, in milliseconds. */
  loginFailureWindowMs: 15 * 60 * 1000,
  /** Longest alternative wording of a clause, in characters. */
  alternativeTextMax: 4000,
  /** Most alternatives one clause may carry at once. */
  alternativesPerClause: 10,
  /** Longest comment message, in characters. */
  threadMessageMax: 4000,
  /** Longest reason a moderator gives for hiding a message, in characters. */
  hideReasonMax: 500,
  /** Longest quote of anchored text a thread keeps, in characters (longer ones are cut). */
  threadQuoteMax: 1000,
  /** Longest encoded anchor position (base64 of a Yjs relative position), in characters. */
  anchorPositionMax: 512,
} as const;
