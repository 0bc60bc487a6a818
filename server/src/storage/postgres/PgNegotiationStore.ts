import type pg from 'pg';
import { type DocumentRow, toDocument } from '../rows/documentRows';
import {
  type MembershipRow,
  type NegotiationRow,
  negotiationValues,
  toMembership,
  toNegotiation,
} from '../rows/negotiationRows';
import type {
  DocumentRecord,
  DocumentStore,
  MembershipRecord,
  NegotiationRecord,
  NegotiationStore,
} from '../storage';

/** Negotiations and memberships in PostgreSQL. Orders are byte orders, as in SQLite. */
export class PgNegotiationStore implements NegotiationStore {
  constructor(private readonly pool: pg.Pool) {}

  async create(negotiation: Omit<NegotiationRecord, 'createdAt'>): Promise<NegotiationRecord> {
    const record: NegotiationRecord = { ...negotiation, createdAt: Date.now() };
    await this.pool.query(
      `INSERT INTO negotiations (id, title, venue, starts_on, time_zone, created_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      negotiationValues(record),
    );
    return record;
  }

  async setTimeZone(id: string, timeZone: string): Promise<boolean> {
    const result = await this.pool.query('UPDATE negotiations SET time_zone = $1 WHERE id = $2', [
      timeZone,
      id,
    ]);
    return (result.rowCount ?? 0) > 0;
  }

  async byId(id: string): Promise<NegotiationRecord | undefined> {
    const result = await this.pool.query<NegotiationRow>(
      'SELECT * FROM negotiations WHERE id = $1',
      [id],
    );
    const row = result.rows[0];
    return row && toNegotiation(row);
  }

  async list(): Promise<NegotiationRecord[]> {
    const result = await this.pool.query<NegotiationRow>(
      'SELECT * FROM negotiations ORDER BY created_at, id COLLATE "C"',
    );
    return result.rows.map(toNegotiation);
  }

  async setMembership(membership: MembershipRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO memberships (negotiation_id, user_id, delegation, role) VALUES ($1, $2, $3, $4)
       ON CONFLICT (negotiation_id, user_id)
       DO UPDATE SET delegation = excluded.delegation, role = excluded.role`,
      [membership.negotiationId, membership.userId, membership.delegation, membership.role],
    );
  }

  async removeMembership(negotiationId: string, userId: string): Promise<void> {
    await this.pool.query('DELETE FROM memberships WHERE negotiation_id = $1 AND user_id = $2', [
      negotiationId,
      userId,
    ]);
  }

  async membership(negotiationId: string, userId: string): Promise<MembershipRecord | undefined> {
    const result = await this.pool.query<MembershipRow>(
      'SELECT * FROM memberships WHERE negotiation_id = $1 AND user_id = $2',
      [negotiationId, userId],
    );
    const row = result.rows[0];
    return row && toMembership(row);
  }

  async membershipsOfUser(userId: string): Promise<MembershipRecord[]> {
    const result = await this.pool.query<MembershipRow>(
      `SELECT m.* FROM memberships m JOIN negotiations n ON n.id = m.negotiation_id
       WHERE m.user_id = $1 ORDER BY n.created_at, n.id COLLATE "C"`,
      [userId],
    );
    return result.rows.map(toMembership);
  }

  async members(negotiationId: string): Promise<MembershipRecord[]> {
    const result = await this.pool.query<MembershipRow>(
      `SELECT m.* FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE m.negotiation_id = $1 ORDER BY u.username COLLATE "C"`,
      [negotiationId],
    );
    return result.rows.map(toMembership);
  }
}

/** Documents' metadata in PostgreSQL. */
export class PgDocumentStore implements DocumentStore {
  constructor(private readonly pool: pg.Pool) {}

  async create(document: Omit<DocumentRecord, 'createdAt' | 'updatedAt'>): Promise<DocumentRecord> {
    const now = Date.now();
    await this.pool.query(
      'INSERT INTO documents (id, negotiation_id, title, created_at, updated_at) VALUES ($1, $2, $3, $4, $5)',
      [document.id, document.negotiationId, document.title, now, now],
    );
    return { ...document, createdAt: now, updatedAt: now };
  }

  async byId(id: string): Promise<DocumentRecord | undefined> {
    const result = await this.pool.query<DocumentRow>('SELECT * FROM documents WHERE id = $1', [
      id,
    ]);
    const row = result.rows[0];
    return row && toDocument(row);
  }

  async listByNegotiation(negotiationId: string): Promise<DocumentRecord[]> {
    const result = await this.pool.query<DocumentRow>(
      'SELECT * FROM documents WHERE negotiation_id = $1 ORDER BY created_at, id COLLATE "C"',
      [negotiationId],
    );
    return result.rows.map(toDocument);
  }

  async touch(id: string, at: number): Promise<void> {
    await this.pool.query('UPDATE documents SET updated_at = $1 WHERE id = $2', [at, id]);
  }
}
