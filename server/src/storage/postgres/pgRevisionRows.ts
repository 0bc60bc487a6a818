/** Rows of the revision tables and their records (as in the SQLite store). */
import type { DelegationCode } from '@accord/shared/domain/delegations';
import type { SilenceState } from '@accord/shared/revisions/silence';
import type { RevisionMeta, RevisionRecord, SilenceRecord } from '../revisionStore';

export interface RevisionRow {
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

export interface SilenceRow {
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

export const META_COLUMNS =
  'id, document_id, number, symbol, note, sha256, issued_by, delegation, issued_at, adopted_at';

export function toMeta(row: RevisionRow): RevisionMeta {
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

export function toRecord(row: RevisionRow): RevisionRecord {
  return {
    ...toMeta(row),
    state: new Uint8Array(row.state ?? Buffer.alloc(0)),
    contentJson: row.content_json ?? '',
  };
}

export function toSilence(row: SilenceRow): SilenceRecord {
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
