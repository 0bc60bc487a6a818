import type { Result } from '@accord/shared/result';
import type Database from 'better-sqlite3';
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

/** Issued revisions and silence procedures in SQLite. */
export class SqliteRevisionStore implements RevisionStore {
  constructor(private readonly db: Database.Database) {}

  async symbolBase(documentId: string): Promise<string | null> {
    const row = this.db
      .prepare('SELECT symbol_base FROM document_symbols WHERE document_id = ?')
      .get(documentId) as { symbol_base: string } | undefined;
    return row?.symbol_base ?? null;
  }

  async setSymbolBase(documentId: string, base: string): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO document_symbols (document_id, symbol_base) VALUES (?, ?) ON CONFLICT(document_id) DO UPDATE SET symbol_base = excluded.symbol_base',
      )
      .run(documentId, base);
  }

  async issue(revision: NewRevision): Promise<Result<RevisionMeta, 'duplicateSymbol'>> {
    return this.db.transaction(() => {
      const last = this.db
        .prepare('SELECT MAX(number) AS number FROM revisions WHERE document_id = ?')
        .get(revision.documentId) as { number: number | null };
      const number = (last.number ?? 0) + 1;
      const symbol = revision.symbolFor(number);
      const taken = this.db
        .prepare('SELECT 1 FROM revisions WHERE document_id = ? AND symbol = ?')
        .get(revision.documentId, symbol);
      if (taken !== undefined) return { ok: false as const, error: 'duplicateSymbol' as const };
      this.db
        .prepare(
          `INSERT INTO revisions (id, document_id, number, symbol, note, state, content_json, sha256, issued_by, delegation, issued_at, adopted_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
        )
        .run(...revisionValues(revision, number, symbol, (bytes) => Buffer.from(bytes)));
      return { ok: true as const, value: issuedRevisionMeta(revision, number, symbol) };
    })();
  }

  async list(documentId: string): Promise<RevisionMeta[]> {
    const rows = this.db
      .prepare(`SELECT ${META_COLUMNS} FROM revisions WHERE document_id = ? ORDER BY number`)
      .all(documentId) as RevisionRow[];
    return rows.map(toRevisionMeta);
  }

  async byNumber(documentId: string, number: number): Promise<RevisionRecord | undefined> {
    const row = this.db
      .prepare('SELECT * FROM revisions WHERE document_id = ? AND number = ?')
      .get(documentId, number) as RevisionRow | undefined;
    return row && toRevision(row);
  }

  async byId(id: string): Promise<RevisionRecord | undefined> {
    const row = this.db.prepare('SELECT * FROM revisions WHERE id = ?').get(id) as
      | RevisionRow
      | undefined;
    return row && toRevision(row);
  }

  async startSilence(silence: NewSilence): Promise<Result<SilenceRecord, 'running'>> {
    return this.db.transaction(() => {
      if (this.findRunningSilence(silence.documentId) !== undefined) {
        return { ok: false as const, error: 'running' as const };
      }
      this.db
        .prepare(
          `INSERT INTO silence_procedures (id, document_id, revision_id, started_by, started_at, deadline, state)
           VALUES (?, ?, ?, ?, ?, ?, 'running')`,
        )
        .run(...silenceValues(silence));
      return { ok: true as const, value: startedSilence(silence) };
    })();
  }

  async runningSilence(documentId: string): Promise<SilenceRecord | undefined> {
    return this.findRunningSilence(documentId);
  }

  /** The running silence of a document; synchronous, for use inside transactions. */
  private findRunningSilence(documentId: string): SilenceRecord | undefined {
    const row = this.db
      .prepare("SELECT * FROM silence_procedures WHERE document_id = ? AND state = 'running'")
      .get(documentId) as SilenceRow | undefined;
    return row && toSilence(row);
  }

  async latestSilence(documentId: string): Promise<SilenceRecord | undefined> {
    const row = this.db
      .prepare(
        'SELECT * FROM silence_procedures WHERE document_id = ? ORDER BY started_at DESC, rowid DESC LIMIT 1',
      )
      .get(documentId) as SilenceRow | undefined;
    return row && toSilence(row);
  }

  async allRunning(): Promise<SilenceRecord[]> {
    const rows = this.db
      .prepare("SELECT * FROM silence_procedures WHERE state = 'running' ORDER BY deadline")
      .all() as SilenceRow[];
    return rows.map(toSilence);
  }

  async endSilence(id: string, end: SilenceEnd): Promise<boolean> {
    return this.db.transaction(() => {
      const changed =
        end.state === 'broken'
          ? this.db
              .prepare(
                `UPDATE silence_procedures SET state = 'broken', ended_at = ?, broken_by = ?, broken_delegation = ?, reason = ?
                 WHERE id = ? AND state = 'running'`,
              )
              .run(end.at, end.brokenBy, end.delegation, end.reason, id).changes
          : this.db
              .prepare(
                `UPDATE silence_procedures SET state = 'adopted', ended_at = ? WHERE id = ? AND state = 'running'`,
              )
              .run(end.at, id).changes;
      if (changed !== 1) return false;
      if (end.state === 'adopted') {
        this.db
          .prepare(
            'UPDATE revisions SET adopted_at = ? WHERE id = (SELECT revision_id FROM silence_procedures WHERE id = ?) AND adopted_at IS NULL',
          )
          .run(end.at, id);
      }
      return true;
    })();
  }
}
