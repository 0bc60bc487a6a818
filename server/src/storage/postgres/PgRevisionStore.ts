import type { Result } from '@accord/shared/result';
import type pg from 'pg';
import type {
  NewRevision,
  NewSilence,
  RevisionMeta,
  RevisionRecord,
  RevisionStore,
  SilenceEnd,
  SilenceRecord,
} from '../revisionStore';
import {
  issuedRevisionMeta,
  META_COLUMNS,
  type RevisionRow,
  revisionValues,
  type SilenceRow,
  silenceValues,
  startedSilence,
  toRevision,
  toRevisionMeta,
  toSilence,
} from '../rows/revisionRows';
import { byteaOf, lockDocument, type Queryable, transaction } from './pgDb';

async function running(db: Queryable, documentId: string): Promise<SilenceRecord | undefined> {
  const result = await db.query<SilenceRow>(
    "SELECT * FROM silence_procedures WHERE document_id = $1 AND state = 'running'",
    [documentId],
  );
  const row = result.rows[0];
  return row && toSilence(row);
}

/**
 * Issued revisions and silence procedures in PostgreSQL. Issuing and starting a procedure lock
 * the draft's row first, so that two servers cannot both take number N or both start one.
 */
export class PgRevisionStore implements RevisionStore {
  constructor(private readonly pool: pg.Pool) {}

  async symbolBase(documentId: string): Promise<string | null> {
    const result = await this.pool.query<{ symbol_base: string }>(
      'SELECT symbol_base FROM document_symbols WHERE document_id = $1',
      [documentId],
    );
    return result.rows[0]?.symbol_base ?? null;
  }

  async setSymbolBase(documentId: string, base: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO document_symbols (document_id, symbol_base) VALUES ($1, $2)
       ON CONFLICT (document_id) DO UPDATE SET symbol_base = excluded.symbol_base`,
      [documentId, base],
    );
  }

  issue(revision: NewRevision): Promise<Result<RevisionMeta, 'duplicateSymbol'>> {
    return transaction(this.pool, async (client) => {
      await lockDocument(client, revision.documentId);
      const last = await client.query<{ number: number | null }>(
        'SELECT MAX(number) AS number FROM revisions WHERE document_id = $1',
        [revision.documentId],
      );
      const number = (last.rows[0]?.number ?? 0) + 1;
      const symbol = revision.symbolFor(number);
      const taken = await client.query(
        'SELECT 1 FROM revisions WHERE document_id = $1 AND symbol = $2',
        [revision.documentId, symbol],
      );
      if ((taken.rowCount ?? 0) > 0) {
        return { ok: false as const, error: 'duplicateSymbol' as const };
      }
      await client.query(
        `INSERT INTO revisions (id, document_id, number, symbol, note, state, content_json, sha256,
           issued_by, delegation, issued_at, adopted_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, NULL)`,
        revisionValues(revision, number, symbol, byteaOf),
      );
      return { ok: true as const, value: issuedRevisionMeta(revision, number, symbol) };
    });
  }

  async list(documentId: string): Promise<RevisionMeta[]> {
    const result = await this.pool.query<RevisionRow>(
      `SELECT ${META_COLUMNS} FROM revisions WHERE document_id = $1 ORDER BY number`,
      [documentId],
    );
    return result.rows.map(toRevisionMeta);
  }

  async byNumber(documentId: string, number: number): Promise<RevisionRecord | undefined> {
    const result = await this.pool.query<RevisionRow>(
      'SELECT * FROM revisions WHERE document_id = $1 AND number = $2',
      [documentId, number],
    );
    const row = result.rows[0];
    return row && toRevision(row);
  }

  async byId(id: string): Promise<RevisionRecord | undefined> {
    const result = await this.pool.query<RevisionRow>('SELECT * FROM revisions WHERE id = $1', [
      id,
    ]);
    const row = result.rows[0];
    return row && toRevision(row);
  }

  startSilence(silence: NewSilence): Promise<Result<SilenceRecord, 'running'>> {
    return transaction(this.pool, async (client) => {
      await lockDocument(client, silence.documentId);
      if ((await running(client, silence.documentId)) !== undefined) {
        return { ok: false as const, error: 'running' as const };
      }
      await client.query(
        `INSERT INTO silence_procedures (id, document_id, revision_id, started_by, started_at, deadline, state)
         VALUES ($1, $2, $3, $4, $5, $6, 'running')`,
        silenceValues(silence),
      );
      return { ok: true as const, value: startedSilence(silence) };
    });
  }

  runningSilence(documentId: string): Promise<SilenceRecord | undefined> {
    return running(this.pool, documentId);
  }

  async latestSilence(documentId: string): Promise<SilenceRecord | undefined> {
    const result = await this.pool.query<SilenceRow>(
      'SELECT * FROM silence_procedures WHERE document_id = $1 ORDER BY started_at DESC, ord DESC LIMIT 1',
      [documentId],
    );
    const row = result.rows[0];
    return row && toSilence(row);
  }

  async allRunning(): Promise<SilenceRecord[]> {
    const result = await this.pool.query<SilenceRow>(
      "SELECT * FROM silence_procedures WHERE state = 'running' ORDER BY deadline, ord",
    );
    return result.rows.map(toSilence);
  }

  endSilence(id: string, end: SilenceEnd): Promise<boolean> {
    // The row lock of the UPDATE makes it end once: a second caller waits, then finds the
    // state no longer 'running' and changes nothing.
    return transaction(this.pool, async (client) => {
      const changed =
        end.state === 'broken'
          ? await client.query(
              `UPDATE silence_procedures SET state = 'broken', ended_at = $1, broken_by = $2,
                 broken_delegation = $3, reason = $4
               WHERE id = $5 AND state = 'running'`,
              [end.at, end.brokenBy, end.delegation, end.reason, id],
            )
          : await client.query(
              `UPDATE silence_procedures SET state = 'adopted', ended_at = $1
               WHERE id = $2 AND state = 'running'`,
              [end.at, id],
            );
      if (changed.rowCount !== 1) return false;
      if (end.state === 'adopted') {
        await client.query(
          `UPDATE revisions SET adopted_at = $1
           WHERE id = (SELECT revision_id FROM silence_procedures WHERE id = $2) AND adopted_at IS NULL`,
          [end.at, id],
        );
      }
      return true;
    });
  }
}
