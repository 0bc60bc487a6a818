import type { DelegationCode } from '@accord/shared/domain/delegations';
import type { ThreadMessageView, ThreadPerson, ThreadView } from '@accord/shared/protocol/threads';
import type { MessageRecord, Storage, ThreadRecord } from '../storage/storage';

/** Looks people up by user id, once each, for the views of one response. */
export class PeopleDirectory {
  private readonly known = new Map<string, Promise<ThreadPerson>>();

  constructor(
    private readonly storage: Pick<Storage, 'users' | 'negotiations'>,
    private readonly negotiationId: string,
  ) {}

  /** A person with their delegation (the one given, or their membership's, or the Chair's). */
  person(userId: string, delegation?: DelegationCode): Promise<ThreadPerson> {
    const key = `${userId}\u0000${delegation ?? ''}`;
    const cached = this.known.get(key);
    if (cached !== undefined) return cached;
    const person = this.lookUp(userId, delegation);
    this.known.set(key, person);
    return person;
  }

  private async lookUp(userId: string, delegation?: DelegationCode): Promise<ThreadPerson> {
    const [user, member] = await Promise.all([
      this.storage.users.byId(userId),
      delegation === undefined
        ? this.storage.negotiations.membership(this.negotiationId, userId)
        : undefined,
    ]);
    return {
      userId,
      displayName: user?.displayName ?? 'Former member',
      delegation: delegation ?? member?.delegation ?? 'CHAIR',
    };
  }
}

async function messageView(
  message: MessageRecord,
  people: PeopleDirectory,
): Promise<ThreadMessageView> {
  const hidden =
    message.hiddenBy !== null && message.hiddenAt !== null
      ? {
          by: await people.person(message.hiddenBy),
          reason: message.hiddenReason ?? '',
          at: message.hiddenAt,
        }
      : null;
  const withheld = hidden !== null || message.deletedAt !== null;
  return {
    id: message.id,
    author: await people.person(message.authorId, message.delegation),
    at: message.createdAt,
    editedAt: message.editedAt,
    body: withheld ? null : message.body,
    deleted: message.deletedAt !== null,
    hidden,
  };
}

/** Messages by others after the reader's read mark; deleted and hidden ones are not counted. */
export function unreadCount(
  messages: readonly MessageRecord[],
  readerId: string,
  readUpTo: number,
): number {
  return messages.filter(
    (message) =>
      message.seq > readUpTo &&
      message.authorId !== readerId &&
      message.deletedAt === null &&
      message.hiddenAt === null,
  ).length;
}

/**
 * A thread as one reader sees it. The caller has checked that the reader may read it: this
 * function decides nothing about access.
 */
export async function threadView(
  thread: ThreadRecord,
  messages: readonly MessageRecord[],
  people: PeopleDirectory,
  reader: { userId: string; readUpTo: number },
): Promise<ThreadView> {
  const [resolvedBy, messageViews] = await Promise.all([
    thread.resolvedBy !== null && thread.resolvedAt !== null
      ? people.person(thread.resolvedBy)
      : null,
    Promise.all(messages.map((message) => messageView(message, people))),
  ]);
  return {
    id: thread.id,
    documentId: thread.documentId,
    clauseId: thread.clauseId,
    visibility: thread.visibility,
    delegation: thread.delegation,
    anchor: { start: thread.anchorStart, end: thread.anchorEnd },
    quote: thread.quote,
    createdAt: thread.createdAt,
    resolved:
      resolvedBy !== null && thread.resolvedAt !== null
        ? { by: resolvedBy, at: thread.resolvedAt }
        : null,
    messages: messageViews,
    unread: unreadCount(messages, reader.userId, reader.readUpTo),
  };
}
