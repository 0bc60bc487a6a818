/**
 * Rows of the tables `threads` and `thread_messages`, as both engines return them (snake_case
 * columns; PostgreSQL's pool parses bigint to number), and the records they map to.
 */
import type { DelegationCode } from '@accord/shared/domain/delegations';
import type { ThreadVisibility } from '@accord/shared/policy/threadPolicy';
import type { MessageRecord, NewMessage, ThreadRecord } from '../threadStore';

export interface ThreadRow {
  id: string;
  document_id: string;
  clause_id: string;
  visibility: string;
  delegation: string;
  created_by: string;
  created_at: number;
  anchor_start: string;
  anchor_end: string;
  quote: string;
  resolved_by: string | null;
  resolved_at: number | null;
}

export interface MessageRow {
  seq: number;
  id: string;
  thread_id: string;
  author_id: string;
  delegation: string;
  body: string;
  created_at: number;
  edited_at: number | null;
  deleted_at: number | null;
  hidden_by: string | null;
  hidden_reason: string | null;
  hidden_at: number | null;
}

export function toThread(row: ThreadRow): ThreadRecord {
  return {
    id: row.id,
    documentId: row.document_id,
    clauseId: row.clause_id,
    // The table's CHECK constraint admits only the two visibilities.
    visibility: row.visibility as ThreadVisibility,
    // Written only from a membership's delegation, which is checked when it is stored.
    delegation: row.delegation as DelegationCode,
    createdBy: row.created_by,
    createdAt: row.created_at,
    anchorStart: row.anchor_start,
    anchorEnd: row.anchor_end,
    quote: row.quote,
    resolvedBy: row.resolved_by,
    resolvedAt: row.resolved_at,
  };
}

export function toMessage(row: MessageRow): MessageRecord {
  return {
    id: row.id,
    seq: row.seq,
    threadId: row.thread_id,
    authorId: row.author_id,
    delegation: row.delegation as DelegationCode,
    body: row.body,
    createdAt: row.created_at,
    editedAt: row.edited_at,
    deletedAt: row.deleted_at,
    hiddenBy: row.hidden_by,
    hiddenReason: row.hidden_reason,
    hiddenAt: row.hidden_at,
  };
}

/** The record of a message just inserted under `seq`: not edited, deleted or hidden. */
export function insertedMessage(message: NewMessage, seq: number): MessageRecord {
  return {
    ...message,
    seq,
    editedAt: null,
    deletedAt: null,
    hiddenBy: null,
    hiddenReason: null,
    hiddenAt: null,
  };
}

/**
 * The values of a thread's INSERT, in its column order (both engines: id, document_id,
 * clause_id, visibility, delegation, created_by, created_at, anchor_start, anchor_end, quote).
 */
export type ThreadValues = [
  string,
  string,
  string,
  string,
  string,
  string,
  number,
  string,
  string,
  string,
];

export function threadValues(
  thread: Omit<ThreadRecord, 'resolvedBy' | 'resolvedAt'>,
): ThreadValues {
  return [
    thread.id,
    thread.documentId,
    thread.clauseId,
    thread.visibility,
    thread.delegation,
    thread.createdBy,
    thread.createdAt,
    thread.anchorStart,
    thread.anchorEnd,
    thread.quote,
  ];
}

/**
 * The values of a message's INSERT, in its column order (both engines: id, thread_id,
 * author_id, delegation, body, created_at).
 */
export type MessageValues = [string, string, string, string, string, number];

export function messageValues(message: NewMessage): MessageValues {
  return [
    message.id,
    message.threadId,
    message.authorId,
    message.delegation,
    message.body,
    message.createdAt,
  ];
}
