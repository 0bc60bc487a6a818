import type { DelegationCode } from '@accord/shared/domain/delegations';
import type { ThreadVisibility } from '@accord/shared/policy/threadPolicy';

/** A comment thread on a range of one clause's text (issue 5). Never part of the Yjs document. */
export interface ThreadRecord {
  id: string;
  documentId: string;
  clauseId: string;
  visibility: ThreadVisibility;
  /** The delegation that opened it; a private thread is seen by it alone. */
  delegation: DelegationCode;
  createdBy: string;
  createdAt: number;
  /** Base64 of the Yjs relative positions of the anchored range. */
  anchorStart: string;
  anchorEnd: string;
  /** The anchored text when the thread was opened. */
  quote: string;
  resolvedBy: string | null;
  resolvedAt: number | null;
}

/** One message of a thread. A deleted message keeps its place but not its text. */
export interface MessageRecord {
  id: string;
  /** Increasing in the order messages were written, across all threads (for unread counts). */
  seq: number;
  threadId: string;
  authorId: string;
  delegation: DelegationCode;
  body: string;
  createdAt: number;
  editedAt: number | null;
  deletedAt: number | null;
  hiddenBy: string | null;
  hiddenReason: string | null;
  hiddenAt: number | null;
}

/** What a new message is made of; the store adds the rest. */
export type NewMessage = Pick<
  MessageRecord,
  'id' | 'threadId' | 'authorId' | 'delegation' | 'body' | 'createdAt'
>;

/** Comment threads, their messages and what each person has read. */
export interface ThreadStore {
  /** Creates a thread with its first message, atomically. */
  create(
    thread: Omit<ThreadRecord, 'resolvedBy' | 'resolvedAt'>,
    first: NewMessage,
  ): Promise<{ thread: ThreadRecord; message: MessageRecord }>;
  byId(id: string): Promise<ThreadRecord | undefined>;
  /** A draft's threads, oldest first. */
  listByDocument(documentId: string): Promise<ThreadRecord[]>;
  /** Marks a thread resolved (by whom, when) or open again (null). */
  setResolved(threadId: string, resolved: { by: string; at: number } | null): Promise<void>;
  addMessage(message: NewMessage): Promise<MessageRecord>;
  message(id: string): Promise<MessageRecord | undefined>;
  /** A thread's messages, oldest first. */
  messages(threadId: string): Promise<MessageRecord[]>;
  /** Every message of a draft's threads, oldest first. */
  messagesOfDocument(documentId: string): Promise<MessageRecord[]>;
  editMessage(id: string, body: string, at: number): Promise<void>;
  /** Deletes a message's text for good; its place in the thread stays. */
  deleteMessage(id: string, at: number): Promise<void>;
  hideMessage(id: string, hidden: { by: string; reason: string; at: number }): Promise<void>;
  /** Records that a user has read a thread up to a message sequence number (never backwards). */
  markRead(threadId: string, userId: string, seq: number): Promise<void>;
  /** The read marks of a user on a draft's threads: thread id → last read sequence number. */
  readMarks(documentId: string, userId: string): Promise<Map<string, number>>;
}
