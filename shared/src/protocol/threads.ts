import type { DelegationCode } from '../domain/delegations';
import type { ThreadVisibility } from '../policy/threadPolicy';

/**
 * Comment threads (issue 5): the HTTP API's and the live channel's shapes. A thread is anchored
 * to a range of one clause's text by two Yjs relative positions; threads live on the server
 * (SQLite), never in the Yjs document, and each person receives only the threads the policy
 * lets them read (SPEC P1, P4).
 */

/** A range of a clause's text: base64 of `Y.encodeRelativePosition` for its start and end. */
export interface ThreadAnchor {
  start: string;
  end: string;
}

/** Someone named in a thread, with their delegation (for the flag and colour). */
export interface ThreadPerson {
  userId: string;
  displayName: string;
  delegation: DelegationCode;
}

/** A moderator's hiding of a public message: the body is withheld from everyone. */
export interface MessageHidden {
  by: ThreadPerson;
  reason: string;
  at: number;
}

/** One message of a thread. `body` is null when the message was deleted or hidden. */
export interface ThreadMessageView {
  id: string;
  author: ThreadPerson;
  /** Milliseconds since the epoch. */
  at: number;
  editedAt: number | null;
  body: string | null;
  deleted: boolean;
  hidden: MessageHidden | null;
}

/** A thread as one reader sees it (its unread count is theirs). */
export interface ThreadView {
  id: string;
  documentId: string;
  clauseId: string;
  visibility: ThreadVisibility;
  /** The delegation that opened it. */
  delegation: DelegationCode;
  anchor: ThreadAnchor;
  /** The anchored text when the thread was opened, shown when the text is gone. */
  quote: string;
  createdAt: number;
  resolved: { by: ThreadPerson; at: number } | null;
  messages: ThreadMessageView[];
  /** Messages by others this reader has not marked read. */
  unread: number;
}

/** `POST /api/documents/:documentId/threads` request body. */
export interface CreateThreadRequest {
  visibility: ThreadVisibility;
  anchor: ThreadAnchor;
  /** The selected text as the client saw it; the server stores the text it resolves itself. */
  quote: string;
  body: string;
}

/** `POST …/threads/:threadId/messages` and `PATCH …/messages/:messageId` request body. */
export interface MessageBodyRequest {
  body: string;
}

/** `PUT …/threads/:threadId/resolved` request body. */
export interface ResolveThreadRequest {
  resolved: boolean;
}

/** `POST …/messages/:messageId/hide` request body. */
export interface HideMessageRequest {
  reason: string;
}

/** `GET /api/documents/:documentId/threads` response body: the threads the caller may read. */
export interface ThreadListResponse {
  threads: ThreadView[];
}

/** The response of every thread command: the thread after it, as the caller sees it. */
export interface ThreadResponse {
  thread: ThreadView;
}

/** The path of a draft's live thread channel (Server-Sent Events), relative to `/api`. */
export function threadEventsPath(documentId: string): string {
  return `/api/documents/${encodeURIComponent(documentId)}/threads/events`;
}

/**
 * Server-Sent Event names of the live channel. `threads` comes first with every thread the
 * receiver may read; then `thread` brings one thread each time it changes.
 */
export const THREAD_EVENTS = { snapshot: 'threads', thread: 'thread' } as const;
