import type pg from 'pg';
import { type AuditRow, auditValues, toAuditRecord } from '../rows/auditRows';
import type { AuditRecord, AuditStore } from '../storage';
import { transaction } from './pgDb';

/** The audit log in PostgreSQL. */
export class PgAuditStore implements AuditStore {
  constructor(private readonly pool: pg.Pool) {}

  append(
    negotiationId: string,
    build: (last: AuditRecord | undefined) => AuditRecord,
  ): Promise<AuditRecord> {
    return transaction(this.pool, async (client) => {
      // The negotiation's row lock orders appends, whichever process (the admin tool
      // included) makes them: none can read the same last entry as this one.
      await client.query('SELECT 1 FROM negotiations WHERE id = $1 FOR NO KEY UPDATE', [
        negotiationId,
      ]);
      const last = await client.query<AuditRow>(
        'SELECT * FROM audit_log WHERE negotiation_id = $1 ORDER BY seq DESC LIMIT 1',
        [negotiationId],
      );
      const row = last.rows[0];
      const entry = build(row === undefined ? undefined : toAuditRecord(row));
      await client.query(
        `INSERT INTO audit_log
           (negotiation_id, seq, document_id, at, user_id, delegation, action, detail, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        auditValues(entry),
      );
      return entry;
    });
  }

  async list(negotiationId: string): Promise<AuditRecord[]> {
    const result = await this.pool.query<AuditRow>(
      'SELECT * FROM audit_log WHERE negotiation_id = $1 ORDER BY seq',
      [negotiationId],
    );
    return result.rows.map(toAuditRecord);
  }
}
