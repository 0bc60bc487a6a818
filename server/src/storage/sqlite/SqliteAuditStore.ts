import type Database from 'better-sqlite3';
import { type AuditRow, type AuditValues, auditValues, toAuditRecord } from '../rows/auditRows';
import type { AuditRecord, AuditStore } from '../storage';

/** The audit log in SQLite. */
export class SqliteAuditStore implements AuditStore {
  private readonly insert: Database.Statement<AuditValues>;
  private readonly selectLast: Database.Statement<[string], AuditRow>;
  private readonly selectAll: Database.Statement<[string], AuditRow>;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare(
      `INSERT INTO audit_log
         (negotiation_id, seq, document_id, at, user_id, delegation, action, detail, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.selectLast = db.prepare(
      'SELECT * FROM audit_log WHERE negotiation_id = ? ORDER BY seq DESC LIMIT 1',
    );
    this.selectAll = db.prepare('SELECT * FROM audit_log WHERE negotiation_id = ? ORDER BY seq');
  }

  async append(
    negotiationId: string,
    build: (last: AuditRecord | undefined) => AuditRecord,
  ): Promise<AuditRecord> {
    // IMMEDIATE takes the write lock before reading the last entry: the admin tool (another
    // process) cannot append between the read and the insert.
    return this.db
      .transaction(() => {
        const row = this.selectLast.get(negotiationId);
        const entry = build(row === undefined ? undefined : toAuditRecord(row));
        this.insert.run(...auditValues(entry));
        return entry;
      })
      .immediate();
  }

  async list(negotiationId: string): Promise<AuditRecord[]> {
    return this.selectAll.all(negotiationId).map(toAuditRecord);
  }
}
