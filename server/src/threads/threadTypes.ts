import type { DelegationCode } from '@accord/shared/domain/delegations';
import type { Actor } from '@accord/shared/policy/policy';
import type { ThreadVisibility } from '@accord/shared/policy/threadPolicy';
import type { ThreadView } from '@accord/shared/protocol/threads';
import type { Storage } from '../storage/storage';
import type { ThreadHub } from './ThreadHub';

/** The member acting on threads: who they are and their place in the negotiation. */
export interface ThreadMember extends Actor {
  userId: string;
}

/** The acting member as the thread policy sees them (a membership has more than it needs). */
export function threadMember(membership: ThreadMember): ThreadMember {
  return { userId: membership.userId, role: membership.role, delegation: membership.delegation };
}

/** The draft a command is about. */
export interface ThreadDocument {
  id: string;
  negotiationId: string;
}

/**
 * Why a thread command was refused. `threadNotFound` and `messageNotFound` are also the answer
 * for a thread the member may not read: the same answer as for one that does not exist, so that
 * a private thread's existence never leaks.
 */
export type ThreadCommandError =
  | 'threadNotFound'
  | 'messageNotFound'
  | 'forbidden'
  | 'messageDeleted'
  | 'messageHidden';

/** The outcome of a thread command: the thread after it, as the member sees it. */
export type ThreadResult =
  | { ok: true; value: ThreadView }
  | { ok: false; error: ThreadCommandError };

/** What the audit log records when a moderator hides a (public) message. */
export interface MessageHiddenEntry {
  negotiationId: string;
  documentId: string;
  threadId: string;
  messageId: string;
  userId: string;
  delegation: DelegationCode;
  reason: string;
  at: number;
}

/** What the service is built from. */
export interface ThreadServiceOptions {
  storage: Storage;
  hub: ThreadHub;
  now?: () => number;
  /**
   * Called after a moderator's hiding of a message committed, and awaited before the change is
   * announced; the audit log records it (`AuditLog.record`, which never rejects).
   */
  onHidden?: (entry: MessageHiddenEntry) => void | Promise<void>;
}

/** A new thread's content, its anchor already checked against the draft's text. */
export interface NewThread {
  visibility: ThreadVisibility;
  clauseId: string;
  anchorStart: string;
  anchorEnd: string;
  quote: string;
  body: string;
}
