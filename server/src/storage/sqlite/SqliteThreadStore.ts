import type Database from 'better-sqlite3';
import {
  insertedMessage,
  type MessageRow,
  type MessageValues,
  messageValues,
  type ThreadRow,
  type ThreadValues,
  threadValues,
  toMessage,
  toThread,
} from '../rows/threadRows';
import type { MessageRecord, NewMessage, ThreadRecord, ThreadStore } from '../storage';

/** Comment threads in SQLite (tables `threads`, `thread_messages`, `thread_reads`). */
export class SqliteThreadStore implements ThreadStore {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    this.statements = {
      insertThread: db.prepare<ThreadValues>(
        `INSERT INTO threads (id, document_id, clause_id, visibility, delegation, created_by,
           created_at, anchor_start, anchor_end, quote) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertMessage: db.prepare<MessageValues>(
        `INSERT INTO thread_messages (id, thread_id, author_id, delegation, body, created_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      thread: db.prepare<[string], ThreadRow>('SELECT * FROM threads WHERE id = ?'),
      threads: db.prepare<[string], ThreadRow>(
        'SELECT * FROM threads WHERE document_id = ? ORDER BY created_at, rowid',
      ),
      resolve: db.prepare<[string | null, number | null, string]>(
        'UPDATE threads SET resolved_by = ?, resolved_at = ? WHERE id = ?',
      ),
      message: db.prepare<[string], MessageRow>('SELECT * FROM thread_messages WHERE id = ?'),
      messages: db.prepare<[string], MessageRow>(
        'SELECT * FROM thread_messages WHERE thread_id = ? ORDER BY seq',
      ),
      messagesOfDocument: db.prepare<[string], MessageRow>(
        `SELECT m.* FROM thread_messages m JOIN threads t ON t.id = m.thread_id
         WHERE t.document_id = ? ORDER BY m.seq`,
      ),
      edit: db.prepare<[string, number, string]>(
        'UPDATE thread_messages SET body = ?, edited_at = ? WHERE id = ?',
      ),
      delete: db.prepare<[number, string]>(
        "UPDATE thread_messages SET body = '', deleted_at = ? WHERE id = ?",
      ),
      hide: db.prepare<[string, string, number, string]>(
        'UPDATE thread_messages SET hidden_by = ?, hidden_reason = ?, hidden_at = ? WHERE id = ?',
      ),
      markRead: db.prepare<[string, string, number]>(
        `INSERT INTO thread_reads (thread_id, user_id, last_seq) VALUES (?, ?, ?)
         ON CONFLICT (thread_id, user_id) DO UPDATE SET last_seq = MAX(last_seq, excluded.last_seq)`,
      ),
      readMarks: db.prepare<[string, string], { thread_id: string; last_seq: number }>(
        `SELECT r.thread_id, r.last_seq FROM thread_reads r JOIN threads t ON t.id = r.thread_id
         WHERE t.document_id = ? AND r.user_id = ?`,
      ),
    };
  }

  async create(
    thread: Omit<ThreadRecord, 'resolvedBy' | 'resolvedAt'>,
    first: NewMessage,
  ): Promise<{ thread: ThreadRecord; message: MessageRecord }> {
    return this.db.transaction(() => {
      this.statements.insertThread.run(...threadValues(thread));
      const message = this.insertMessage(first);
      return { thread: { ...thread, resolvedBy: null, resolvedAt: null }, message };
    })();
  }

  async byId(id: string): Promise<ThreadRecord | undefined> {
    const row = this.statements.thread.get(id);
    return row && toThread(row);
  }

  async listByDocument(documentId: string): Promise<ThreadRecord[]> {
    return this.statements.threads.all(documentId).map(toThread);
  }

  async setResolved(threadId: string, resolved: { by: string; at: number } | null): Promise<void> {
    this.statements.resolve.run(resolved?.by ?? null, resolved?.at ?? null, threadId);
  }

  async addMessage(message: NewMessage): Promise<MessageRecord> {
    return this.insertMessage(message);
  }

  /** Inserts a message; synchronous, so `create` can run it inside its transaction. */
  private insertMessage(message: NewMessage): MessageRecord {
    const result = this.statements.insertMessage.run(...messageValues(message));
    return insertedMessage(message, Number(result.lastInsertRowid));
  }

  async message(id: string): Promise<MessageRecord | undefined> {
    const row = this.statements.message.get(id);
    return row && toMessage(row);
  }

  async messages(threadId: string): Promise<MessageRecord[]> {
    return this.statements.messages.all(threadId).map(toMessage);
  }

  async messagesOfDocument(documentId: string): Promise<MessageRecord[]> {
    return this.statements.messagesOfDocument.all(documentId).map(toMessage);
  }

  async editMessage(id: string, body: string, at: number): Promise<void> {
    this.statements.edit.run(body, at, id);
  }

  async deleteMessage(id: string, at: number): Promise<void> {
    this.statements.delete.run(at, id);
  }

  async hideMessage(id: string, hidden: { by: string; reason: string; at: number }): Promise<void> {
    this.statements.hide.run(hidden.by, hidden.reason, hidden.at, id);
  }

  async markRead(threadId: string, userId: string, seq: number): Promise<void> {
    this.statements.markRead.run(threadId, userId, seq);
  }

  async readMarks(documentId: string, userId: string): Promise<Map<string, number>> {
    const marks = new Map<string, number>();
    for (const row of this.statements.readMarks.all(documentId, userId)) {
      marks.set(row.thread_id, row.last_seq);
    }
    return marks;
  }
}
