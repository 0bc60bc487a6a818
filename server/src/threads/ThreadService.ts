import { randomUUID } from 'node:crypto';
import { can } from '@accord/shared/policy/policy';
import type { ThreadVisibility } from '@accord/shared/policy/threadPolicy';
import type { ThreadView } from '@accord/shared/protocol/threads';
import type { MessageRecord, Storage, ThreadRecord } from '../storage/storage';
import type { ThreadHub } from './ThreadHub';
import type {
  MessageHiddenEntry,
  NewThread,
  ThreadCommandError,
  ThreadDocument,
  ThreadMember,
  ThreadResult,
  ThreadServiceOptions,
} from './threadTypes';
import { PeopleDirectory, threadView } from './threadViews';

export {
  type MessageHiddenEntry,
  type NewThread,
  type ThreadCommandError,
  type ThreadDocument,
  type ThreadMember,
  type ThreadResult,
  type ThreadServiceOptions,
  threadMember,
} from './threadTypes';

/**
 * Comment threads: every command checks the shared policy against the thread's visibility and
 * delegation, writes through `storage.threads`, and tells the hub which thread changed. Reads
 * return only what the member may read. Nothing here logs or throws message text.
 */
export class ThreadService {
  private readonly storage: Storage;
  private readonly hub: ThreadHub;
  private readonly now: () => number;
  private readonly onHidden: ((entry: MessageHiddenEntry) => void) | undefined;

  constructor(options: ThreadServiceOptions) {
    this.storage = options.storage;
    this.hub = options.hub;
    this.now = options.now ?? Date.now;
    this.onHidden = options.onHidden;
  }

  /** Every thread of the draft the member may read, oldest first. */
  list(document: ThreadDocument, member: ThreadMember): ThreadView[] {
    const threads = this.storage.threads
      .listByDocument(document.id)
      .filter((thread) => can(member, 'readThread', thread));
    const byThread = new Map<string, MessageRecord[]>();
    for (const message of this.storage.threads.messagesOfDocument(document.id)) {
      const list = byThread.get(message.threadId);
      if (list === undefined) byThread.set(message.threadId, [message]);
      else list.push(message);
    }
    const marks = this.storage.threads.readMarks(document.id, member.userId);
    const people = new PeopleDirectory(this.storage, document.negotiationId);
    return threads.map((thread) =>
      threadView(thread, byThread.get(thread.id) ?? [], people, {
        userId: member.userId,
        readUpTo: marks.get(thread.id) ?? 0,
      }),
    );
  }

  /** One thread as the member sees it, or undefined when it does not exist for them. */
  view(document: ThreadDocument, threadId: string, member: ThreadMember): ThreadView | undefined {
    const thread = this.readable(document, threadId, member);
    return thread && this.viewOf(document, thread, member);
  }

  /** Whether the member may open a thread of this visibility (checked before the anchor). */
  mayCreate(member: ThreadMember, visibility: ThreadVisibility): boolean {
    return can(member, 'createThread', { visibility });
  }

  /** Opens a thread with its first message. */
  create(document: ThreadDocument, member: ThreadMember, content: NewThread): ThreadResult {
    if (!can(member, 'createThread', { visibility: content.visibility })) {
      return { ok: false, error: 'forbidden' };
    }
    const at = this.now();
    const id = randomUUID();
    const { thread, message } = this.storage.threads.create(
      {
        id,
        documentId: document.id,
        clauseId: content.clauseId,
        visibility: content.visibility,
        delegation: member.delegation,
        createdBy: member.userId,
        createdAt: at,
        anchorStart: content.anchorStart,
        anchorEnd: content.anchorEnd,
        quote: content.quote,
      },
      {
        id: randomUUID(),
        threadId: id,
        authorId: member.userId,
        delegation: member.delegation,
        body: content.body,
        createdAt: at,
      },
    );
    this.storage.threads.markRead(id, member.userId, message.seq);
    return this.changed(document, thread, member);
  }

  /** Adds a reply. */
  reply(
    document: ThreadDocument,
    threadId: string,
    member: ThreadMember,
    body: string,
  ): ThreadResult {
    const thread = this.readable(document, threadId, member);
    if (thread === undefined) return { ok: false, error: 'threadNotFound' };
    if (!can(member, 'replyThread', thread)) return { ok: false, error: 'forbidden' };
    const message = this.storage.threads.addMessage({
      id: randomUUID(),
      threadId: thread.id,
      authorId: member.userId,
      delegation: member.delegation,
      body,
      createdAt: this.now(),
    });
    this.storage.threads.markRead(thread.id, member.userId, message.seq);
    return this.changed(document, thread, member);
  }

  /** Resolves (true) or reopens (false) a thread. */
  resolve(
    document: ThreadDocument,
    threadId: string,
    member: ThreadMember,
    resolved: boolean,
  ): ThreadResult {
    const thread = this.readable(document, threadId, member);
    if (thread === undefined) return { ok: false, error: 'threadNotFound' };
    if (!can(member, 'resolveThread', thread)) return { ok: false, error: 'forbidden' };
    if (resolved !== (thread.resolvedAt !== null)) {
      this.storage.threads.setResolved(
        thread.id,
        resolved ? { by: member.userId, at: this.now() } : null,
      );
    }
    return this.changed(document, thread, member);
  }

  /** Replaces the text of one's own message. */
  edit(
    document: ThreadDocument,
    threadId: string,
    messageId: string,
    member: ThreadMember,
    body: string,
  ): ThreadResult {
    const found = this.ownMessage(document, threadId, messageId, member, 'editMessage');
    if (!found.ok) return found;
    this.storage.threads.editMessage(messageId, body, this.now());
    return this.changed(document, found.value, member);
  }

  /** Deletes one's own message's text; its place in the thread stays ("Message deleted"). */
  remove(
    document: ThreadDocument,
    threadId: string,
    messageId: string,
    member: ThreadMember,
  ): ThreadResult {
    const found = this.ownMessage(document, threadId, messageId, member, 'deleteMessage');
    if (!found.ok) return found;
    this.storage.threads.deleteMessage(messageId, this.now());
    return this.changed(document, found.value, member);
  }

  /** A moderator hides a public message from everyone, with a reason everyone sees. */
  hide(
    document: ThreadDocument,
    threadId: string,
    messageId: string,
    member: ThreadMember,
    reason: string,
  ): ThreadResult {
    const thread = this.readable(document, threadId, member);
    if (thread === undefined) return { ok: false, error: 'threadNotFound' };
    const message = this.storage.threads.message(messageId);
    if (message === undefined || message.threadId !== thread.id) {
      return { ok: false, error: 'messageNotFound' };
    }
    if (!can(member, 'hideMessage', thread)) return { ok: false, error: 'forbidden' };
    if (message.deletedAt !== null) return { ok: false, error: 'messageDeleted' };
    if (message.hiddenAt !== null) return { ok: false, error: 'messageHidden' };
    const at = this.now();
    this.storage.threads.hideMessage(messageId, { by: member.userId, reason, at });
    this.onHidden?.({
      negotiationId: document.negotiationId,
      documentId: document.id,
      threadId: thread.id,
      messageId,
      userId: member.userId,
      delegation: member.delegation,
      reason,
      at,
    });
    return this.changed(document, thread, member);
  }

  /** Marks every message of the thread read for the member (their unread count drops to 0). */
  markRead(document: ThreadDocument, threadId: string, member: ThreadMember): ThreadResult {
    const thread = this.readable(document, threadId, member);
    if (thread === undefined) return { ok: false, error: 'threadNotFound' };
    const last = this.storage.threads.messages(thread.id).at(-1);
    if (last !== undefined) this.storage.threads.markRead(thread.id, member.userId, last.seq);
    // Only this reader's count changed: nobody else needs to hear about it.
    return { ok: true, value: this.viewOf(document, thread, member) };
  }

  /** The thread when it exists in this draft and the member may read it. */
  private readable(
    document: ThreadDocument,
    threadId: string,
    member: ThreadMember,
  ): ThreadRecord | undefined {
    const thread = this.storage.threads.byId(threadId);
    if (thread === undefined || thread.documentId !== document.id) return undefined;
    return can(member, 'readThread', thread) ? thread : undefined;
  }

  private ownMessage(
    document: ThreadDocument,
    threadId: string,
    messageId: string,
    member: ThreadMember,
    action: 'editMessage' | 'deleteMessage',
  ): { ok: true; value: ThreadRecord } | { ok: false; error: ThreadCommandError } {
    const thread = this.readable(document, threadId, member);
    if (thread === undefined) return { ok: false, error: 'threadNotFound' };
    const message = this.storage.threads.message(messageId);
    if (message === undefined || message.threadId !== thread.id) {
      return { ok: false, error: 'messageNotFound' };
    }
    if (!can(member, action, { ...thread, authorId: message.authorId })) {
      return { ok: false, error: 'forbidden' };
    }
    if (message.deletedAt !== null) return { ok: false, error: 'messageDeleted' };
    if (message.hiddenAt !== null) return { ok: false, error: 'messageHidden' };
    return { ok: true, value: thread };
  }

  private changed(
    document: ThreadDocument,
    thread: ThreadRecord,
    member: ThreadMember,
  ): ThreadResult {
    this.hub.changed(document.id, thread.id);
    const fresh = this.storage.threads.byId(thread.id) ?? thread;
    return { ok: true, value: this.viewOf(document, fresh, member) };
  }

  private viewOf(document: ThreadDocument, thread: ThreadRecord, member: ThreadMember): ThreadView {
    const people = new PeopleDirectory(this.storage, document.negotiationId);
    const readUpTo = this.storage.threads.readMarks(document.id, member.userId).get(thread.id) ?? 0;
    return threadView(thread, this.storage.threads.messages(thread.id), people, {
      userId: member.userId,
      readUpTo,
    });
  }
}
