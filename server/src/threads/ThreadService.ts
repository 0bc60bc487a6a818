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
 * delegation, writes through `storage.threads`, and, once the write has committed, tells the hub
 * which thread changed (so a live channel never announces what storage does not hold yet). Reads
 * return only what the member may read. Nothing here logs or throws message text.
 */
export class ThreadService {
  private readonly storage: Storage;
  private readonly hub: ThreadHub;
  private readonly now: () => number;
  private readonly onHidden: ((entry: MessageHiddenEntry) => void | Promise<void>) | undefined;

  constructor(options: ThreadServiceOptions) {
    this.storage = options.storage;
    this.hub = options.hub;
    this.now = options.now ?? Date.now;
    this.onHidden = options.onHidden;
  }

  /** Every thread of the draft the member may read, oldest first. */
  async list(document: ThreadDocument, member: ThreadMember): Promise<ThreadView[]> {
    const [all, messages, marks] = await Promise.all([
      this.storage.threads.listByDocument(document.id),
      this.storage.threads.messagesOfDocument(document.id),
      this.storage.threads.readMarks(document.id, member.userId),
    ]);
    const threads = all.filter((thread) => can(member, 'readThread', thread));
    const byThread = new Map<string, MessageRecord[]>();
    for (const message of messages) {
      const list = byThread.get(message.threadId);
      if (list === undefined) byThread.set(message.threadId, [message]);
      else list.push(message);
    }
    const people = new PeopleDirectory(this.storage, document.negotiationId);
    return Promise.all(
      threads.map((thread) =>
        threadView(thread, byThread.get(thread.id) ?? [], people, {
          userId: member.userId,
          readUpTo: marks.get(thread.id) ?? 0,
        }),
      ),
    );
  }

  /** One thread as the member sees it, or undefined when it does not exist for them. */
  async view(
    document: ThreadDocument,
    threadId: string,
    member: ThreadMember,
  ): Promise<ThreadView | undefined> {
    const thread = await this.readable(document, threadId, member);
    return thread && this.viewOf(document, thread, member);
  }

  /** Whether the member may open a thread of this visibility (checked before the anchor). */
  mayCreate(member: ThreadMember, visibility: ThreadVisibility): boolean {
    return can(member, 'createThread', { visibility });
  }

  /** Opens a thread with its first message. */
  async create(
    document: ThreadDocument,
    member: ThreadMember,
    content: NewThread,
  ): Promise<ThreadResult> {
    if (!can(member, 'createThread', { visibility: content.visibility })) {
      return { ok: false, error: 'forbidden' };
    }
    const at = this.now();
    const id = randomUUID();
    const { thread, message } = await this.storage.threads.create(
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
    await this.storage.threads.markRead(id, member.userId, message.seq);
    return this.changed(document, thread, member);
  }

  /** Adds a reply. */
  async reply(
    document: ThreadDocument,
    threadId: string,
    member: ThreadMember,
    body: string,
  ): Promise<ThreadResult> {
    const thread = await this.readable(document, threadId, member);
    if (thread === undefined) return { ok: false, error: 'threadNotFound' };
    if (!can(member, 'replyThread', thread)) return { ok: false, error: 'forbidden' };
    const message = await this.storage.threads.addMessage({
      id: randomUUID(),
      threadId: thread.id,
      authorId: member.userId,
      delegation: member.delegation,
      body,
      createdAt: this.now(),
    });
    await this.storage.threads.markRead(thread.id, member.userId, message.seq);
    return this.changed(document, thread, member);
  }

  /** Resolves (true) or reopens (false) a thread. */
  async resolve(
    document: ThreadDocument,
    threadId: string,
    member: ThreadMember,
    resolved: boolean,
  ): Promise<ThreadResult> {
    const thread = await this.readable(document, threadId, member);
    if (thread === undefined) return { ok: false, error: 'threadNotFound' };
    if (!can(member, 'resolveThread', thread)) return { ok: false, error: 'forbidden' };
    if (resolved !== (thread.resolvedAt !== null)) {
      await this.storage.threads.setResolved(
        thread.id,
        resolved ? { by: member.userId, at: this.now() } : null,
      );
    }
    return this.changed(document, thread, member);
  }

  /** Replaces the text of one's own message. */
  async edit(
    document: ThreadDocument,
    threadId: string,
    messageId: string,
    member: ThreadMember,
    body: string,
  ): Promise<ThreadResult> {
    const found = await this.ownMessage(document, threadId, messageId, member, 'editMessage');
    if (!found.ok) return found;
    await this.storage.threads.editMessage(messageId, body, this.now());
    return this.changed(document, found.value, member);
  }

  /** Deletes one's own message's text; its place in the thread stays ("Message deleted"). */
  async remove(
    document: ThreadDocument,
    threadId: string,
    messageId: string,
    member: ThreadMember,
  ): Promise<ThreadResult> {
    const found = await this.ownMessage(document, threadId, messageId, member, 'deleteMessage');
    if (!found.ok) return found;
    await this.storage.threads.deleteMessage(messageId, this.now());
    return this.changed(document, found.value, member);
  }

  /** A moderator hides a public message from everyone, with a reason everyone sees. */
  async hide(
    document: ThreadDocument,
    threadId: string,
    messageId: string,
    member: ThreadMember,
    reason: string,
  ): Promise<ThreadResult> {
    const thread = await this.readable(document, threadId, member);
    if (thread === undefined) return { ok: false, error: 'threadNotFound' };
    const message = await this.storage.threads.message(messageId);
    if (message === undefined || message.threadId !== thread.id) {
      return { ok: false, error: 'messageNotFound' };
    }
    if (!can(member, 'hideMessage', thread)) return { ok: false, error: 'forbidden' };
    if (message.deletedAt !== null) return { ok: false, error: 'messageDeleted' };
    if (message.hiddenAt !== null) return { ok: false, error: 'messageHidden' };
    const at = this.now();
    await this.storage.threads.hideMessage(messageId, { by: member.userId, reason, at });
    await this.onHidden?.({
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
  async markRead(
    document: ThreadDocument,
    threadId: string,
    member: ThreadMember,
  ): Promise<ThreadResult> {
    const thread = await this.readable(document, threadId, member);
    if (thread === undefined) return { ok: false, error: 'threadNotFound' };
    const last = (await this.storage.threads.messages(thread.id)).at(-1);
    if (last !== undefined) await this.storage.threads.markRead(thread.id, member.userId, last.seq);
    // Only this reader's count changed: nobody else needs to hear about it.
    return { ok: true, value: await this.viewOf(document, thread, member) };
  }

  /** The thread when it exists in this draft and the member may read it. */
  private async readable(
    document: ThreadDocument,
    threadId: string,
    member: ThreadMember,
  ): Promise<ThreadRecord | undefined> {
    const thread = await this.storage.threads.byId(threadId);
    if (thread === undefined || thread.documentId !== document.id) return undefined;
    return can(member, 'readThread', thread) ? thread : undefined;
  }

  private async ownMessage(
    document: ThreadDocument,
    threadId: string,
    messageId: string,
    member: ThreadMember,
    action: 'editMessage' | 'deleteMessage',
  ): Promise<{ ok: true; value: ThreadRecord } | { ok: false; error: ThreadCommandError }> {
    const thread = await this.readable(document, threadId, member);
    if (thread === undefined) return { ok: false, error: 'threadNotFound' };
    const message = await this.storage.threads.message(messageId);
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

  /**
   * After a write has committed: tells the draft's live channels which thread changed (each
   * decides for its own reader whether to send it, SPEC P1, P4), and answers the thread as the
   * acting member now sees it.
   */
  private async changed(
    document: ThreadDocument,
    thread: ThreadRecord,
    member: ThreadMember,
  ): Promise<ThreadResult> {
    this.hub.changed(document.id, thread.id);
    const fresh = (await this.storage.threads.byId(thread.id)) ?? thread;
    return { ok: true, value: await this.viewOf(document, fresh, member) };
  }

  private async viewOf(
    document: ThreadDocument,
    thread: ThreadRecord,
    member: ThreadMember,
  ): Promise<ThreadView> {
    const people = new PeopleDirectory(this.storage, document.negotiationId);
    const [marks, messages] = await Promise.all([
      this.storage.threads.readMarks(document.id, member.userId),
      this.storage.threads.messages(thread.id),
    ]);
    return threadView(thread, messages, people, {
      userId: member.userId,
      readUpTo: marks.get(thread.id) ?? 0,
    });
  }
}
