/**
 * Rows of the table `clause_changes`, as both engines return them (snake_case columns;
 * PostgreSQL's pool parses bigint to number), and the records they map to.
 */
import {
  type ClauseHistoryEvent,
  parseClauseHistoryEvent,
} from '@accord/shared/domain/clauseHistory';
import type { DelegationCode } from '@accord/shared/domain/delegations';
import type { ClauseChangeRecord } from '../storage';

export interface ClauseChangeRow {
  id: number;
  document_id: string;
  clause_id: string;
  seq: number;
  user_id: string;
  delegation: string;
  at: number;
  text_before: string;
  text_after: string;
  event: string | null;
}

/** The `event` column of a change: its event as JSON, or null for a plain edit. */
function eventColumn(event: ClauseHistoryEvent | null): string | null {
  return event === null ? null : JSON.stringify(event);
}

/** A stored event, or null when there is none or it cannot be read (shown as a plain edit). */
function eventOf(json: string | null): ClauseHistoryEvent | null {
  if (json === null) return null;
  try {
    const parsed = parseClauseHistoryEvent(JSON.parse(json));
    return parsed.ok ? parsed.value : null;
  } catch {
    return null;
  }
}

export function toClauseChange(row: ClauseChangeRow): ClauseChangeRecord {
  return {
    id: row.id,
    documentId: row.document_id,
    clauseId: row.clause_id,
    seq: row.seq,
    userId: row.user_id,
    // Written only from a membership's delegation, which is checked when it is stored.
    delegation: row.delegation as DelegationCode,
    at: row.at,
    textBefore: row.text_before,
    textAfter: row.text_after,
    event: eventOf(row.event),
  };
}

/**
 * The values of a change's INSERT, in its column order (both engines: document_id, clause_id,
 * seq, user_id, delegation, at, text_before, text_after, event).
 */
export type ClauseChangeValues = [
  string,
  string,
  number,
  string,
  string,
  number,
  string,
  string,
  string | null,
];

export function clauseChangeValues(change: Omit<ClauseChangeRecord, 'id'>): ClauseChangeValues {
  return [
    change.documentId,
    change.clauseId,
    change.seq,
    change.userId,
    change.delegation,
    change.at,
    change.textBefore,
    change.textAfter,
    eventColumn(change.event),
  ];
}
