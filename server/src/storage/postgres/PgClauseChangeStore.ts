import type pg from 'pg';
import { type ClauseChangeRow, clauseChangeValues, toClauseChange } from '../rows/clauseChangeRows';
import type { ClauseChangeRecord, ClauseChangeStore } from '../storage';

const COLUMNS =
  'id, document_id, clause_id, seq, user_id, delegation, at, text_before, text_after, event';

/** The history of clause texts in PostgreSQL. */
export class PgClauseChangeStore implements ClauseChangeStore {
  constructor(private readonly pool: pg.Pool) {}

  async append(change: Omit<ClauseChangeRecord, 'id'>): Promise<ClauseChangeRecord> {
    const result = await this.pool.query<{ id: number }>(
      `INSERT INTO clause_changes
         (document_id, clause_id, seq, user_id, delegation, at, text_before, text_after, event)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      clauseChangeValues(change),
    );
    return { id: result.rows[0]?.id ?? 0, ...change };
  }

  async amend(
    id: number,
    change: Pick<ClauseChangeRecord, 'seq' | 'at' | 'textAfter'>,
  ): Promise<void> {
    await this.pool.query(
      'UPDATE clause_changes SET seq = $1, at = $2, text_after = $3 WHERE id = $4',
      [change.seq, change.at, change.textAfter, id],
    );
  }

  async latest(documentId: string, clauseId: string): Promise<ClauseChangeRecord | undefined> {
    const result = await this.pool.query<ClauseChangeRow>(
      `SELECT ${COLUMNS} FROM clause_changes WHERE document_id = $1 AND clause_id = $2
       ORDER BY id DESC LIMIT 1`,
      [documentId, clauseId],
    );
    const row = result.rows[0];
    return row && toClauseChange(row);
  }

  async list(documentId: string, clauseId: string): Promise<ClauseChangeRecord[]> {
    const result = await this.pool.query<ClauseChangeRow>(
      `SELECT ${COLUMNS} FROM clause_changes WHERE document_id = $1 AND clause_id = $2 ORDER BY id DESC`,
      [documentId, clauseId],
    );
    return result.rows.map(toClauseChange);
  }

  async latestOfEachClause(documentId: string): Promise<ClauseChangeRecord[]> {
    const result = await this.pool.query<ClauseChangeRow>(
      `SELECT ${COLUMNS} FROM clause_changes WHERE document_id = $1 AND id IN (
         SELECT MAX(id) FROM clause_changes WHERE document_id = $1 GROUP BY clause_id
       ) ORDER BY id DESC`,
      [documentId],
    );
    return result.rows.map(toClauseChange);
  }
}
