import type { Migration } from './migrationTypes';

/**
 * Issued revisions, drafts' symbol bases and silence procedures (issue 15). In a file of its
 * own so that its number can be changed on merge if another step lands first.
 */
export const REVISIONS_MIGRATION: Migration = {
  version: 7,
  name: 'issued revisions and silence procedures',
  sql: `
    CREATE TABLE document_symbols (
      document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
      symbol_base TEXT NOT NULL
    ) STRICT;

    -- Immutable once written; only adopted_at is set, once, when silence passes unbroken.
    CREATE TABLE revisions (
      id TEXT PRIMARY KEY,
      document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      number INTEGER NOT NULL,
      symbol TEXT NOT NULL,
      note TEXT NOT NULL,
      state BLOB NOT NULL,
      content_json TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      issued_by TEXT NOT NULL,
      delegation TEXT NOT NULL,
      issued_at INTEGER NOT NULL,
      adopted_at INTEGER,
      UNIQUE (document_id, number),
      UNIQUE (document_id, symbol)
    ) STRICT;

    CREATE TABLE silence_procedures (
      id TEXT PRIMARY KEY,
      document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      revision_id TEXT NOT NULL REFERENCES revisions(id) ON DELETE CASCADE,
      started_by TEXT NOT NULL,
      started_at INTEGER NOT NULL,
      deadline INTEGER NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('running', 'broken', 'adopted')),
      ended_at INTEGER,
      broken_by TEXT,
      broken_delegation TEXT,
      reason TEXT
    ) STRICT;
    -- At most one running procedure per draft.
    CREATE UNIQUE INDEX silence_running ON silence_procedures(document_id) WHERE state = 'running';
    CREATE INDEX silence_by_document ON silence_procedures(document_id, started_at);
  `,
};
