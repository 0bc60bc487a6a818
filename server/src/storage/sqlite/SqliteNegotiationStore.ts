import type Database from 'better-sqlite3';
import {
  type MembershipRow,
  type NegotiationRow,
  type NegotiationValues,
  negotiationValues,
  toMembership,
  toNegotiation,
} from '../rows/negotiationRows';
import type { MembershipRecord, NegotiationRecord, NegotiationStore } from '../storage';

/** Negotiations and memberships in SQLite. */
export class SqliteNegotiationStore implements NegotiationStore {
  private readonly insert: Database.Statement<NegotiationValues>;
  private readonly updateTimeZone: Database.Statement<[string, string]>;
  private readonly selectById: Database.Statement<[string], NegotiationRow>;
  private readonly selectAll: Database.Statement<[], NegotiationRow>;
  private readonly upsertMembership: Database.Statement<[string, string, string, string]>;
  private readonly deleteMembership: Database.Statement<[string, string]>;
  private readonly selectMembership: Database.Statement<[string, string], MembershipRow>;
  private readonly selectMembershipsOfUser: Database.Statement<[string], MembershipRow>;
  private readonly selectMembers: Database.Statement<[string], MembershipRow>;

  constructor(db: Database.Database) {
    this.insert = db.prepare(
      `INSERT INTO negotiations (id, title, venue, starts_on, time_zone, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.updateTimeZone = db.prepare('UPDATE negotiations SET time_zone = ? WHERE id = ?');
    this.selectById = db.prepare('SELECT * FROM negotiations WHERE id = ?');
    this.selectAll = db.prepare('SELECT * FROM negotiations ORDER BY created_at, id');
    this.upsertMembership = db.prepare(
      `INSERT INTO memberships (negotiation_id, user_id, delegation, role) VALUES (?, ?, ?, ?)
       ON CONFLICT (negotiation_id, user_id)
       DO UPDATE SET delegation = excluded.delegation, role = excluded.role`,
    );
    this.deleteMembership = db.prepare(
      'DELETE FROM memberships WHERE negotiation_id = ? AND user_id = ?',
    );
    this.selectMembership = db.prepare(
      'SELECT * FROM memberships WHERE negotiation_id = ? AND user_id = ?',
    );
    this.selectMembershipsOfUser = db.prepare(
      `SELECT m.* FROM memberships m JOIN negotiations n ON n.id = m.negotiation_id
       WHERE m.user_id = ? ORDER BY n.created_at, n.id`,
    );
    this.selectMembers = db.prepare(
      `SELECT m.* FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE m.negotiation_id = ? ORDER BY u.username`,
    );
  }

  async create(negotiation: Omit<NegotiationRecord, 'createdAt'>): Promise<NegotiationRecord> {
    const record: NegotiationRecord = { ...negotiation, createdAt: Date.now() };
    this.insert.run(...negotiationValues(record));
    return record;
  }

  async setTimeZone(id: string, timeZone: string): Promise<boolean> {
    return this.updateTimeZone.run(timeZone, id).changes > 0;
  }

  async byId(id: string): Promise<NegotiationRecord | undefined> {
    const row = this.selectById.get(id);
    return row && toNegotiation(row);
  }

  async list(): Promise<NegotiationRecord[]> {
    return this.selectAll.all().map(toNegotiation);
  }

  async setMembership(membership: MembershipRecord): Promise<void> {
    this.upsertMembership.run(
      membership.negotiationId,
      membership.userId,
      membership.delegation,
      membership.role,
    );
  }

  async removeMembership(negotiationId: string, userId: string): Promise<void> {
    this.deleteMembership.run(negotiationId, userId);
  }

  async membership(negotiationId: string, userId: string): Promise<MembershipRecord | undefined> {
    const row = this.selectMembership.get(negotiationId, userId);
    return row && toMembership(row);
  }

  async membershipsOfUser(userId: string): Promise<MembershipRecord[]> {
    return this.selectMembershipsOfUser.all(userId).map(toMembership);
  }

  async members(negotiationId: string): Promise<MembershipRecord[]> {
    return this.selectMembers.all(negotiationId).map(toMembership);
  }
}
