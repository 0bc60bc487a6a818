import type {
  DocumentStore,
  MessageRecord,
  NewMessage,
  ThreadRecord,
  ThreadStore,
  UserStore,
} from '../storage';

/** Comment threads in memory; message sequence numbers are global and increasing, like SQLite's. */
export class MemoryThreadStore implements ThreadStore {
  private readonly threads = new Map<string, ThreadRecord>();
  private readonly allMessages: MessageRecord[] = [];
  private readonly reads = new Map<string, number>();
  private lastSeq = 0;

  constructor(
    private readonly documents: DocumentStore,
    private readonly users: UserStore,
  ) {}

  create(
    thread: Omit<ThreadRecord, 'resolvedBy' | 'resolvedAt'>,
    first: NewMessage,
  ): { thread: ThreadRecord; message: MessageRecord } {
    if (this.documents.byId(thread.documentId) === undefined) throw new Error('Unknown document.');
    if (this.threads.has(thread.id)) throw new Error('Duplicate thread id.');
    this.checkNewMessage(first);
    const record: ThreadRecord = { ...thread, resolvedBy: null, resolvedAt: null };
    this.threads.set(record.id, record);
    return { thread: { ...record }, message: this.addMessage(first) };
  }

  byId(id: string): ThreadRecord | undefined {
    const thread = this.threads.get(id);
    return thread && { ...thread };
  }

  listByDocument(documentId: string): ThreadRecord[] {
    return [...this.threads.values()]
      .filter((thread) => thread.documentId === documentId)
      .map((thread) => ({ ...thread }));
  }

  setResolved(threadId: string, resolved: { by: string; at: number } | null): void {
    const thread = this.threads.get(threadId);
    if (thread === undefined) return;
    thread.resolvedBy = resolved?.by ?? null;
    thread.resolvedAt = resolved?.at ?? null;
  }

  addMessage(message: NewMessage): MessageRecord {
    this.checkNewMessage(message);
    if (!this.threads.has(message.threadId)) throw new Error('Unknown thread.');
    this.lastSeq += 1;
    const record: MessageRecord = {
      ...message,
      seq: this.lastSeq,
      editedAt: null,
      deletedAt: null,
      hiddenBy: null,
      hiddenReason: null,
      hiddenAt: null,
    };
    this.allMessages.push(record);
    return { ...record };
  }

  message(id: string): MessageRecord | undefined {
    const message = this.allMessages.find((candidate) => candidate.id === id);
    return message && { ...message };
  }

  messages(threadId: string): MessageRecord[] {
    return this.allMessages
      .filter((message) => message.threadId === threadId)
      .map((message) => ({ ...message }));
  }

  messagesOfDocument(documentId: string): MessageRecord[] {
    return this.allMessages
      .filter((message) => this.threads.get(message.threadId)?.documentId === documentId)
      .map((message) => ({ ...message }));
  }

  editMessage(id: string, body: string, at: number): void {
    const message = this.allMessages.find((candidate) => candidate.id === id);
    if (message !== undefined) Object.assign(message, { body, editedAt: at });
  }

  deleteMessage(id: string, at: number): void {
    const message = this.allMessages.find((candidate) => candidate.id === id);
    if (message !== undefined) Object.assign(message, { body: '', deletedAt: at });
  }

  hideMessage(id: string, hidden: { by: string; reason: string; at: number }): void {
    const message = this.allMessages.find((candidate) => candidate.id === id);
    if (message !== undefined) {
      Object.assign(message, {
        hiddenBy: hidden.by,
        hiddenReason: hidden.reason,
        hiddenAt: hidden.at,
      });
    }
  }

  markRead(threadId: string, userId: string, seq: number): void {
    if (!this.threads.has(threadId)) throw new Error('Unknown thread.');
    if (this.users.byId(userId) === undefined) throw new Error('Unknown user.');
    const key = `${threadId}\u0000${userId}`;
    this.reads.set(key, Math.max(this.reads.get(key) ?? 0, seq));
  }

  readMarks(documentId: string, userId: string): Map<string, number> {
    const marks = new Map<string, number>();
    for (const thread of this.threads.values()) {
      if (thread.documentId !== documentId) continue;
      const seq = this.reads.get(`${thread.id}\u0000${userId}`);
      if (seq !== undefined) marks.set(thread.id, seq);
    }
    return marks;
  }

  private checkNewMessage(message: NewMessage): void {
    if (this.users.byId(message.authorId) === undefined) throw new Error('Unknown user.');
    if (this.allMessages.some((candidate) => candidate.id === message.id)) {
      throw new Error('Duplicate message id.');
    }
  }
}
