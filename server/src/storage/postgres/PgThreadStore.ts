import type pg from 'pg';
import {
  insertedMessage,
  type MessageRow,
  messageValues,
  type ThreadRow,
  threadValues,
  toMessage,
  toThread,
} from '../rows/threadRows';
import type { MessageRecord, NewMessage, ThreadRecord, ThreadStore } from '../storage';
import { type Queryable, transaction } from './pgDb';

const THREAD_COLUMNS = `id, document_id, clause_id, visibility, delegation, created_by, created_at,
  anchor_start, anchor_end, quote, resolved_by, resolved_at`;

const MESSAGE_COLUMNS = `m.seq, m.id, m.thread_id, m.author_id, m.delegation, m.body, m.created_at,
  m.edited_at, m.deleted_at, m.hidden_by, m.hidden_reason, m.hidden_at`;

async function insertMessage(db: Queryable, message: NewMessage): Promise<MessageRecord> {
  const result = await db.query<{ seq: number }>(
    `INSERT INTO thread_messages (id, thread_id, author_id, delegation, body, created_at)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING seq`,
    messageValues(message),
  );
  return insertedMessage(message, result.rows[0]?.seq ?? 0);
}

/** Comment threads in PostgreSQL (tables `threads`, `thread_messages`, `thread_reads`). */
export class PgThreadStore implements ThreadStore {
  constructor(private readonly pool: pg.Pool) {}

  create(
    thread: Omit<ThreadRecord, 'resolvedBy' | 'resolvedAt'>,
    first: NewMessage,
  ): Promise<{ thread: ThreadRecord; message: MessageRecord }> {
    return transaction(this.pool, async (client) => {
      await client.query(
        `INSERT INTO threads (id, document_id, clause_id, visibility, delegation, created_by,
           created_at, anchor_start, anchor_end, quote) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        threadValues(thread),
      );
      const message = await insertMessage(client, first);
      return { thread: { ...thread, resolvedBy: null, resolvedAt: null }, message };
    });
  }

  async byId(id: string): Promise<ThreadRecord | undefined> {
    const result = await this.pool.query<ThreadRow>(
      `SELECT ${THREAD_COLUMNS} FROM threads WHERE id = $1`,
      [id],
    );
    const row = result.rows[0];
    return row && toThread(row);
  }

  async listByDocument(documentId: string): Promise<ThreadRecord[]> {
    const result = await this.pool.query<ThreadRow>(
      `SELECT ${THREAD_COLUMNS} FROM threads WHERE document_id = $1 ORDER BY created_at, ord`,
      [documentId],
    );
    return result.rows.map(toThread);
  }

  async setResolved(threadId: string, resolved: { by: string; at: number } | null): Promise<void> {
    await this.pool.query('UPDATE threads SET resolved_by = $1, resolved_at = $2 WHERE id = $3', [
      resolved?.by ?? null,
      resolved?.at ?? null,
      threadId,
    ]);
  }

  addMessage(message: NewMessage): Promise<MessageRecord> {
    return insertMessage(this.pool, message);
  }

  async message(id: string): Promise<MessageRecord | undefined> {
    const result = await this.pool.query<MessageRow>(
      `SELECT ${MESSAGE_COLUMNS} FROM thread_messages m WHERE m.id = $1`,
      [id],
    );
    const row = result.rows[0];
    return row && toMessage(row);
  }

  async messages(threadId: string): Promise<MessageRecord[]> {
    const result = await this.pool.query<MessageRow>(
      `SELECT ${MESSAGE_COLUMNS} FROM thread_messages m WHERE m.thread_id = $1 ORDER BY m.seq`,
      [threadId],
    );
    return result.rows.map(toMessage);
  }

  async messagesOfDocument(documentId: string): Promise<MessageRecord[]> {
    const result = await this.pool.query<MessageRow>(
      `SELECT ${MESSAGE_COLUMNS} FROM thread_messages m JOIN threads t ON t.id = m.thread_id
       WHERE t.document_id = $1 ORDER BY m.seq`,
      [documentId],
    );
    return result.rows.map(toMessage);
  }

  async editMessage(id: string, body: string, at: number): Promise<void> {
    await this.pool.query('UPDATE thread_messages SET body = $1, edited_at = $2 WHERE id = $3', [
      body,
      at,
      id,
    ]);
  }

  async deleteMessage(id: string, at: number): Promise<void> {
    await this.pool.query("UPDATE thread_messages SET body = '', deleted_at = $1 WHERE id = $2", [
      at,
      id,
    ]);
  }

  async hideMessage(id: string, hidden: { by: string; reason: string; at: number }): Promise<void> {
    await this.pool.query(
      'UPDATE thread_messages SET hidden_by = $1, hidden_reason = $2, hidden_at = $3 WHERE id = $4',
      [hidden.by, hidden.reason, hidden.at, id],
    );
  }

  async markRead(threadId: string, userId: string, seq: number): Promise<void> {
    await this.pool.query(
      `INSERT INTO thread_reads (thread_id, user_id, last_seq) VALUES ($1, $2, $3)
       ON CONFLICT (thread_id, user_id)
       DO UPDATE SET last_seq = GREATEST(thread_reads.last_seq, excluded.last_seq)`,
      [threadId, userId, seq],
    );
  }

  async readMarks(documentId: string, userId: string): Promise<Map<string, number>> {
    const result = await this.pool.query<{ thread_id: string; last_seq: number }>(
      `SELECT r.thread_id, r.last_seq FROM thread_reads r JOIN threads t ON t.id = r.thread_id
       WHERE t.document_id = $1 AND r.user_id = $2`,
      [documentId, userId],
    );
    return new Map(result.rows.map((row) => [row.thread_id, row.last_seq]));
  }
}
