/**
 * Rows of the table `documents`, as both engines return them (snake_case columns; PostgreSQL's
 * pool parses bigint to number), and the records they map to.
 */
import type { DocumentRecord } from '../storage';

export interface DocumentRow {
  id: string;
  negotiation_id: string;
  title: string;
  created_at: number;
  updated_at: number;
}

export function toDocument(row: DocumentRow): DocumentRecord {
  return {
    id: row.id,
    negotiationId: row.negotiation_id,
    title: row.title,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
