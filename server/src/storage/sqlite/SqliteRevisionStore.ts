import type { DelegationCode } from '@accord/shared/domain/delegations';
import type { Result } from '@accord/shared/result';
import type { SilenceState } from '@accord/shared/revisions/silence';
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

interface RevisionRow {
  id: string;
  document_id: string;
  number: number;
  symbol: string;
  note: string;
  sha256: string;
  issued_by: string;
  delegation: string;
  issued_at: number;
  adopted_at: number | null;
  state?: Buffer;
  content_json?: string;
}

interface SilenceRow {
  id: string;
  document_id: string;
  revision_id: string;
  started_by: string;
  started_at: number;
  deadline: number;
  state: string;
  ended_at: number | null;
  broken_by: string | null;
  broken_delegation: string | null;
  reason: string | null;
}

const META_COLUMNS =
  'id, document_id, number, symbol, note, sha256, issued_by, delegation, issued_at, adopted_at';

function toMeta(row: RevisionRow): RevisionMeta {
  return {
    id: row.id,
    documentId: row.document_id,
    number: row.number,
    symbol: row.symbol,
    note: row.note,
    sha256: row.sha256,
    issuedBy: row.issued_by,
    delegation: row.delegation as DelegationCode,
    issuedAt: row.issued_at,
    adoptedAt: row.adopted_at,
  };
}

function toRecord(row: RevisionRow): RevisionRecord {
  return {
    ...toMeta(row),
    state: new Uint8Array(row.state ?? Buffer.alloc(0)),
    contentJson: row.content_json ?? '',
  };
}

function toSilence(row: SilenceRow): SilenceRecord {
  return {
    id: row.id,
    documentId: row.document_id,
    revisionId: row.revision_id,
    startedBy: row.started_by,
    startedAt: row.started_at,
    deadline: row.deadline,
    state: row.state as SilenceState,
    endedAt: row.ended_at,
    brokenBy: row.broken_by,
    brokenDelegation: row.broken_delegation as DelegationCode | null,
    reason: row.reason,
  };
}

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
        .run(
          revision.id,
          revision.documentId,
          number,
          symbol,
          revision.note,
          Buffer.from(revision.state),
          revision.contentJson,
          revision.sha256,
          revision.issuedBy,
          revision.delegation,
          revision.issuedAt,
        );
      const value: RevisionMeta = {
        id: revision.id,
        documentId: revision.documentId,
        number,
        symbol,
        note: revision.note,
        sha256: revision.sha256,
        issuedBy: revision.issuedBy,
        delegation: revision.delegation,
        issuedAt: revision.issuedAt,
        adoptedAt: null,
      };
      return { ok: true as const, value };
    })();
  }

  async list(documentId: string): Promise<RevisionMeta[]> {
    const rows = this.db
      .prepare(`SELECT ${META_COLUMNS} FROM revisions WHERE document_id = ? ORDER BY number`)
      .all(documentId) as RevisionRow[];
    return rows.map(toMeta);
  }

  async byNumber(documentId: string, number: number): Promise<RevisionRecord | undefined> {
    const row = this.db
      .prepare('SELECT * FROM revisions WHERE document_id = ? AND number = ?')
      .get(documentId, number) as RevisionRow | undefined;
    return row && toRecord(row);
  }

  async byId(id: string): Promise<RevisionRecord | undefined> {
    const row = this.db.prepare('SELECT * FROM revisions WHERE id = ?').get(id) as
      | RevisionRow
      | undefined;
    return row && toRecord(row);
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
        .run(
          silence.id,
          silence.documentId,
          silence.revisionId,
          silence.startedBy,
          silence.startedAt,
          silence.deadline,
        );
      const value: SilenceRecord = {
        ...silence,
        state: 'running',
        endedAt: null,
        brokenBy: null,
        brokenDelegation: null,
        reason: null,
      };
      return { ok: true as const, value };
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
