/**
 * Rows of the table `audit_log`, as both engines return them (snake_case columns; PostgreSQL's
 * pool parses bigint to number), and the records they map to.
 */
import type { DelegationCode } from '@accord/shared/domain/delegations';
import type { AuditRecord } from '../auditStore';

export interface AuditRow {
  negotiation_id: string;
  seq: number;
  document_id: string | null;
  at: number;
  user_id: string | null;
  delegation: string | null;
  action: string;
  detail: string;
  prev_hash: string;
  hash: string;
}

export function toAuditRecord(row: AuditRow): AuditRecord {
  return {
    negotiationId: row.negotiation_id,
    seq: row.seq,
    documentId: row.document_id,
    at: row.at,
    userId: row.user_id,
    // Written only from a membership's delegation; a tampered value is caught by the hash.
    delegation: row.delegation as DelegationCode | null,
    action: row.action,
    detail: row.detail,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/**
 * The values of an entry's INSERT, in its column order (both engines: negotiation_id, seq,
 * document_id, at, user_id, delegation, action, detail, prev_hash, hash).
 */
export type AuditValues = [
  string,
  number,
  string | null,
  number,
  string | null,
  string | null,
  string,
  string,
  string,
  string,
];

export function auditValues(entry: AuditRecord): AuditValues {
  return [
    entry.negotiationId,
    entry.seq,
    entry.documentId,
    entry.at,
    entry.userId,
    entry.delegation,
    entry.action,
    entry.detail,
    entry.prevHash,
    entry.hash,
  ];
}
