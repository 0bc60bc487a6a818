import type Database from 'better-sqlite3';
import {
  SERVER_AUTHOR,
  type StoredUpdate,
  type UpdateLogEntry,
  type UpdateLogStore,
} from '../storage';

/** A log row as `.raw()` reads it: no object per row (issue 17: 100 000 rows at a cold load). */
type UpdateRow = [seq: number, update: Buffer];

/** In SQLite the server's own client ids are bound to NULL, so that user_id stays a foreign key. */
function ownerColumn(userId: string): string | null {
  return userId === SERVER_AUTHOR ? null : userId;
}

function ownerOfColumn(userId: string | null): string {
  return userId ?? SERVER_AUTHOR;
}

/**
 * A plain Uint8Array of a row's blob. better-sqlite3 copies each blob into a Buffer of its own
 * (not a slice of a shared pool): then a view of that memory is as good as a copy, and spares
 * the copy; anything else is copied, so that callers never hold a view of shared memory.
 */
function toStoredUpdate([seq, blob]: UpdateRow): StoredUpdate {
  const own = blob.byteOffset === 0 && blob.buffer.byteLength === blob.byteLength;
  return {
    seq,
    update: own ? new Uint8Array(blob.buffer, 0, blob.byteLength) : new Uint8Array(blob),
  };
}

/** The Yjs update logs and client-id bindings in SQLite. */
export class SqliteUpdateLogStore implements UpdateLogStore {
  private readonly insert: Database.Statement<[string, Buffer, string | null, number]>;
  private readonly insertAt: Database.Statement<[number, string, Buffer, number]>;
  private readonly selectLog: Database.Statement<[string], UpdateRow>;
  private readonly selectLastSeqUpTo: Database.Statement<[string, number], { seq: number | null }>;
  private readonly deleteUpTo: Database.Statement<[string, number]>;
  private readonly selectStats: Database.Statement<[string], { updates: number; bytes: number }>;
  private readonly selectOwners: Database.Statement<
    [string],
    { client_id: number; user_id: string | null }
  >;
  private readonly selectOwner: Database.Statement<[string, number], { user_id: string | null }>;
  private readonly insertOwner: Database.Statement<[string, number, string | null]>;
  private readonly compactTransaction: (
    documentId: string,
    upToSeq: number,
    snapshot: Uint8Array,
  ) => void;
  private readonly appendManyTransaction: (
    documentId: string,
    entries: readonly UpdateLogEntry[],
  ) => number[];
  private readonly bindTransaction: (
    documentId: string,
    clientIds: readonly number[],
    userId: string,
  ) => number[];

  constructor(db: Database.Database) {
    this.insert = db.prepare(
      'INSERT INTO document_updates (document_id, "update", user_id, created_at) VALUES (?, ?, ?, ?)',
    );
    this.insertAt = db.prepare(
      'INSERT INTO document_updates (seq, document_id, "update", user_id, created_at) VALUES (?, ?, ?, NULL, ?)',
    );
    this.selectLog = db
      .prepare<[string], UpdateRow>(
        'SELECT seq, "update" FROM document_updates WHERE document_id = ? ORDER BY seq',
      )
      .raw(true);
    this.selectLastSeqUpTo = db.prepare(
      'SELECT MAX(seq) AS seq FROM document_updates WHERE document_id = ? AND seq <= ?',
    );
    this.deleteUpTo = db.prepare('DELETE FROM document_updates WHERE document_id = ? AND seq <= ?');
    this.selectStats = db.prepare(
      `SELECT COUNT(*) AS updates, COALESCE(SUM(LENGTH("update")), 0) AS bytes
       FROM document_updates WHERE document_id = ?`,
    );
    this.selectOwners = db.prepare(
      'SELECT client_id, user_id FROM client_ids WHERE document_id = ?',
    );
    this.selectOwner = db.prepare(
      'SELECT user_id FROM client_ids WHERE document_id = ? AND client_id = ?',
    );
    this.insertOwner = db.prepare(
      'INSERT INTO client_ids (document_id, client_id, user_id) VALUES (?, ?, ?)',
    );

    this.compactTransaction = db.transaction(
      (documentId: string, upToSeq: number, snapshot: Uint8Array) => {
        // The snapshot takes the seq of the last update it replaces, so the log stays in order
        // before any update appended after `upToSeq`.
        const last = this.selectLastSeqUpTo.get(documentId, upToSeq)?.seq ?? null;
        const bytes = Buffer.from(snapshot);
        if (last === null) {
          this.insert.run(documentId, bytes, null, Date.now());
          return;
        }
        this.deleteUpTo.run(documentId, upToSeq);
        this.insertAt.run(last, documentId, bytes, Date.now());
      },
    );

    this.appendManyTransaction = db.transaction(
      (documentId: string, entries: readonly UpdateLogEntry[]) => {
        const now = Date.now();
        return entries.map(({ update, userId }) =>
          Number(this.insert.run(documentId, Buffer.from(update), userId, now).lastInsertRowid),
        );
      },
    );

    this.bindTransaction = db.transaction(
      (documentId: string, clientIds: readonly number[], userId: string) => {
        const foreign: number[] = [];
        for (const clientId of clientIds) {
          const row = this.selectOwner.get(documentId, clientId);
          if (row === undefined) this.insertOwner.run(documentId, clientId, ownerColumn(userId));
          else if (ownerOfColumn(row.user_id) !== userId) foreign.push(clientId);
        }
        return foreign;
      },
    );
  }

  async append(documentId: string, update: Uint8Array, userId: string | null): Promise<number> {
    // Autocommit: the row is durable (WAL) when `run` returns.
    const result = this.insert.run(documentId, Buffer.from(update), userId, Date.now());
    return Number(result.lastInsertRowid);
  }

  async appendMany(documentId: string, entries: readonly UpdateLogEntry[]): Promise<number[]> {
    // One transaction: one commit (one WAL sync) for the whole group, and all or nothing.
    return this.appendManyTransaction(documentId, entries);
  }

  async load(documentId: string): Promise<StoredUpdate[]> {
    return this.selectLog.all(documentId).map(toStoredUpdate);
  }

  async compact(documentId: string, upToSeq: number, snapshot: Uint8Array): Promise<void> {
    this.compactTransaction(documentId, upToSeq, snapshot);
  }

  async stats(documentId: string): Promise<{ updates: number; bytes: number }> {
    const row = this.selectStats.get(documentId);
    return { updates: row?.updates ?? 0, bytes: row?.bytes ?? 0 };
  }

  async clientOwners(documentId: string): Promise<Map<number, string>> {
    return new Map(
      this.selectOwners.all(documentId).map((row) => [row.client_id, ownerOfColumn(row.user_id)]),
    );
  }

  async bindClientIds(
    documentId: string,
    clientIds: readonly number[],
    userId: string,
  ): Promise<number[]> {
    return this.bindTransaction(documentId, clientIds, userId);
  }
}
