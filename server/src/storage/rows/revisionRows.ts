/**
 * Rows of the tables `revisions` and `silence_procedures`, as both engines return them
 * (snake_case columns; PostgreSQL's pool parses bigint to number; a BLOB and a bytea both come
 * back as a Buffer), and the records they map to.
 */
import type { DelegationCode } from '@accord/shared/domain/delegations';
import type { SilenceState } from '@accord/shared/revisions/silence';
import type {
  NewRevision,
  NewSilence,
  RevisionMeta,
  RevisionRecord,
  SilenceRecord,
} from '../revisionStore';

/** A `revisions` row; `state` and `content_json` only when selected (not by META_COLUMNS). */
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

/** The columns of a revision's metadata: all but its state and content. */
export const META_COLUMNS =
  'id, document_id, number, symbol, note, sha256, issued_by, delegation, issued_at, adopted_at';

export function toRevisionMeta(row: RevisionRow): RevisionMeta {
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

export function toRevision(row: RevisionRow): RevisionRecord {
  return {
    ...toRevisionMeta(row),
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

/** The metadata of a revision just issued as `number` under `symbol`: not adopted yet. */
export function issuedRevisionMeta(
  revision: NewRevision,
  number: number,
  symbol: string,
): RevisionMeta {
  return {
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
}

/** The record of a silence procedure just started: running, not ended or broken. */
export function startedSilence(silence: NewSilence): SilenceRecord {
  return {
    ...silence,
    state: 'running',
    endedAt: null,
    brokenBy: null,
    brokenDelegation: null,
    reason: null,
  };
}

/**
 * The values of a revision's INSERT, in its column order (both engines: id, document_id, number,
 * symbol, note, state, content_json, sha256, issued_by, delegation, issued_at). `blob` is how
 * the engine's driver takes the state's bytes: SQLite a copy in a Buffer, PostgreSQL a view.
 */
export type RevisionValues = [
  string,
  string,
  number,
  string,
  string,
  Buffer,
  string,
  string,
  string,
  string,
  number,
];

export function revisionValues(
  revision: NewRevision,
  number: number,
  symbol: string,
  blob: (bytes: Uint8Array) => Buffer,
): RevisionValues {
  return [
    revision.id,
    revision.documentId,
    number,
    symbol,
    revision.note,
    blob(revision.state),
    revision.contentJson,
    revision.sha256,
    revision.issuedBy,
    revision.delegation,
    revision.issuedAt,
  ];
}

/**
 * The values of a procedure's INSERT, in its column order (both engines: id, document_id,
 * revision_id, started_by, started_at, deadline).
 */
export type SilenceValues = [string, string, string, string, number, number];

export function silenceValues(silence: NewSilence): SilenceValues {
  return [
    silence.id,
    silence.documentId,
    silence.revisionId,
    silence.startedBy,
    silence.startedAt,
    silence.deadline,
  ];
}
