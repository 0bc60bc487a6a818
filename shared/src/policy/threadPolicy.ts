import type { DelegationCode } from '../domain/delegations';
import type { Role } from '../domain/roles';

/** Who may see a comment thread: every delegation, or only the delegation that opened it. */
export const THREAD_VISIBILITIES = ['public', 'private'] as const;

/** A thread's visibility. */
export type ThreadVisibility = (typeof THREAD_VISIBILITIES)[number];

/** The part of a thread that decides who may see and act on it. */
export interface ThreadAccess {
  visibility: ThreadVisibility;
  /** The delegation that opened the thread (the Chair for a moderator's public thread). */
  delegation: DelegationCode;
}

/** A message of a thread, as far as the policy cares: its thread and its author. */
export interface MessageAccess extends ThreadAccess {
  authorId: string;
}

/** The member a thread rule is asked about; `userId` matters only for one's own messages. */
export interface ThreadActor {
  role: Role;
  delegation: DelegationCode;
  userId?: string;
}

/**
 * SPEC P1, P4: a public thread is read by every member; a private one only by the
 * delegates (and any moderator) of the delegation that opened it — never the Chair of another
 * delegation, never an observer.
 */
export function mayReadThread(actor: ThreadActor, thread: ThreadAccess): boolean {
  if (thread.visibility === 'public') return true;
  return actor.role !== 'observer' && actor.delegation === thread.delegation;
}

/** Delegates open public and private threads; moderators only public ones; observers none. */
export function mayCreateThread(actor: ThreadActor, visibility: ThreadVisibility): boolean {
  if (actor.role === 'delegate') return true;
  return actor.role === 'moderator' && visibility === 'public';
}

/**
 * Replying, resolving and reopening: whoever could open such a thread and can read this one.
 */
export function mayTakePart(actor: ThreadActor, thread: ThreadAccess): boolean {
  return mayReadThread(actor, thread) && mayCreateThread(actor, thread.visibility);
}

/** Only the author edits or deletes a message, and only while they may still take part. */
export function mayChangeOwnMessage(actor: ThreadActor, message: MessageAccess): boolean {
  return (
    actor.userId !== undefined && actor.userId === message.authorId && mayTakePart(actor, message)
  );
}

/** A moderator hides a public message (with a reason); private threads are beyond the Chair. */
export function mayHideMessage(actor: ThreadActor, thread: ThreadAccess): boolean {
  return actor.role === 'moderator' && thread.visibility === 'public';
}
