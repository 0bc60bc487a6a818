import type { MessageRecord, NewMessage, ThreadRecord, ThreadStore } from '../storage';
import type { MemoryUserStore } from './MemoryAccountStores';
import type { MemoryDocumentStore } from './MemoryDocumentStores';

/** Comment threads in memory; message sequence numbers are global and increasing, like SQLite's. */
export class MemoryThreadStore implements ThreadStore {
  private readonly threads = new Map<string, ThreadRecord>();
  private readonly allMessages: MessageRecord[] = [];
  private readonly reads = new Map<string, number>();
  private lastSeq = 0;

  constructor(
    private readonly documents: MemoryDocumentStore,
    private readonly users: MemoryUserStore,
  ) {}

  async create(
    thread: Omit<ThreadRecord, 'resolvedBy' | 'resolvedAt'>,
    first: NewMessage,
  ): Promise<{ thread: ThreadRecord; message: MessageRecord }> {
    if (!this.documents.has(thread.documentId)) throw new Error('Unknown document.');
    if (this.threads.has(thread.id)) throw new Error('Duplicate thread id.');
    this.checkNewMessage(first);
    const record: ThreadRecord = { ...thread, resolvedBy: null, resolvedAt: null };
    this.threads.set(record.id, record);
    return { thread: { ...record }, message: await this.addMessage(first) };
  }

  async byId(id: string): Promise<ThreadRecord | undefined> {
    const thread = this.threads.get(id);
    return thread && { ...thread };
  }

  async listByDocument(documentId: string): Promise<ThreadRecord[]> {
    return [...this.threads.values()]
      .filter((thread) => thread.documentId === documentId)
      .map((thread) => ({ ...thread }));
  }

  async setResolved(threadId: string, resolved: { by: string; at: number } | null): Promise<void> {
    const thread = this.threads.get(threadId);
    if (thread === undefined) return;
    thread.resolvedBy = resolved?.by ?? null;
    thread.resolvedAt = resolved?.at ?? null;
  }

  async addMessage(message: NewMessage): Promise<MessageRecord> {
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

  async message(id: string): Promise<MessageRecord | undefined> {
    const message = this.allMessages.find((candidate) => candidate.id === id);
    return message && { ...message };
  }

  async messages(threadId: string): Promise<MessageRecord[]> {
    return this.allMessages
      .filter((message) => message.threadId === threadId)
      .map((message) => ({ ...message }));
  }

  async messagesOfDocument(documentId: string): Promise<MessageRecord[]> {
    return this.allMessages
      .filter((message) => this.threads.get(message.threadId)?.documentId === documentId)
      .map((message) => ({ ...message }));
  }

  async editMessage(id: string, body: string, at: number): Promise<void> {
    const message = this.allMessages.find((candidate) => candidate.id === id);
    if (message !== undefined) Object.assign(message, { body, editedAt: at });
  }

  async deleteMessage(id: string, at: number): Promise<void> {
    const message = this.allMessages.find((candidate) => candidate.id === id);
    if (message !== undefined) Object.assign(message, { body: '', deletedAt: at });
  }

  async hideMessage(id: string, hidden: { by: string; reason: string; at: number }): Promise<void> {
    const message = this.allMessages.find((candidate) => candidate.id === id);
    if (message !== undefined) {
      Object.assign(message, {
        hiddenBy: hidden.by,
        hiddenReason: hidden.reason,
        hiddenAt: hidden.at,
      });
    }
  }

  async markRead(threadId: string, userId: string, seq: number): Promise<void> {
    if (!this.threads.has(threadId)) throw new Error('Unknown thread.');
    if (!this.users.has(userId)) throw new Error('Unknown user.');
    const key = `${threadId}\u0000${userId}`;
    this.reads.set(key, Math.max(this.reads.get(key) ?? 0, seq));
  }

  async readMarks(documentId: string, userId: string): Promise<Map<string, number>> {
    const marks = new Map<string, number>();
    for (const thread of this.threads.values()) {
      if (thread.documentId !== documentId) continue;
      const seq = this.reads.get(`${thread.id}\u0000${userId}`);
      if (seq !== undefined) marks.set(thread.id, seq);
    }
    return marks;
  }

  private checkNewMessage(message: NewMessage): void {
    if (!this.users.has(message.authorId)) throw new Error('Unknown user.');
    if (this.allMessages.some((candidate) => candidate.id === message.id)) {
      throw new Error('Duplicate message id.');
    }
  }
}
