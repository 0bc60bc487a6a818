/**
 * The PostgreSQL schema's steps. Version 1 is the SQLite schema as of its version 9 (same
 * tables, columns and meaning; times are bigint milliseconds, Yjs updates bytea). Append new
 * steps; never edit one that has shipped.
 */
export interface PgMigration {
  version: number;
  name: string;
  sql: string;
}

const INITIAL = `
  CREATE TABLE users (
    id text PRIMARY KEY,
    username text NOT NULL UNIQUE,
    display_name text NOT NULL,
    password_hash text NOT NULL,
    disabled boolean NOT NULL DEFAULT false,
    created_at bigint NOT NULL,
    -- 'en', 'es', 'fr' or NULL (follow the browser); no CHECK, as in SQLite.
    locale text
  );

  CREATE TABLE sessions (
    id text PRIMARY KEY,
    user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    expires_at bigint NOT NULL
  );
  CREATE INDEX sessions_by_user ON sessions(user_id);

  CREATE TABLE negotiations (
    id text PRIMARY KEY,
    title text NOT NULL,
    venue text NOT NULL,
    starts_on text NOT NULL,
    time_zone text NOT NULL,
    created_at bigint NOT NULL
  );

  CREATE TABLE memberships (
    negotiation_id text NOT NULL REFERENCES negotiations(id) ON DELETE CASCADE,
    user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    delegation text NOT NULL,
    role text NOT NULL,
    PRIMARY KEY (negotiation_id, user_id)
  );
  CREATE INDEX memberships_by_user ON memberships(user_id);

  CREATE TABLE documents (
    id text PRIMARY KEY,
    negotiation_id text NOT NULL REFERENCES negotiations(id) ON DELETE CASCADE,
    title text NOT NULL,
    created_at bigint NOT NULL,
    updated_at bigint NOT NULL
  );
  CREATE INDEX documents_by_negotiation ON documents(negotiation_id);

  -- One sequence for every draft (as SQLite's AUTOINCREMENT): seqs increase across drafts.
  -- Taken only while the draft's row is locked, so per draft seq order is commit order.
  CREATE SEQUENCE document_update_seq AS bigint;
  CREATE TABLE document_updates (
    document_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq bigint NOT NULL,
    "update" bytea NOT NULL,
    user_id text REFERENCES users(id),
    created_at bigint NOT NULL,
    UNIQUE (document_id, seq)
  );

  -- A NULL user_id binds a client id to the server itself (SERVER_AUTHOR).
  CREATE TABLE client_ids (
    document_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    client_id bigint NOT NULL,
    user_id text REFERENCES users(id),
    PRIMARY KEY (document_id, client_id)
  );

  CREATE TABLE clause_changes (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    document_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    clause_id text NOT NULL,
    seq bigint NOT NULL,
    user_id text NOT NULL REFERENCES users(id),
    delegation text NOT NULL,
    at bigint NOT NULL,
    text_before text NOT NULL,
    text_after text NOT NULL,
    event text
  );
  CREATE INDEX clause_changes_by_clause ON clause_changes(document_id, clause_id, id);

  -- Append-only, hash-chained per negotiation; no foreign key on user_id (see SQLite v4).
  CREATE TABLE audit_log (
    negotiation_id text NOT NULL REFERENCES negotiations(id) ON DELETE CASCADE,
    seq bigint NOT NULL,
    document_id text,
    at bigint NOT NULL,
    user_id text,
    delegation text,
    action text NOT NULL,
    detail text NOT NULL,
    prev_hash text NOT NULL,
    hash text NOT NULL,
    PRIMARY KEY (negotiation_id, seq)
  );

  CREATE TABLE threads (
    -- Insertion order, for ties of created_at (SQLite's rowid).
    ord bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    id text PRIMARY KEY,
    document_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    clause_id text NOT NULL,
    visibility text NOT NULL CHECK (visibility IN ('public', 'private')),
    delegation text NOT NULL,
    created_by text NOT NULL REFERENCES users(id),
    created_at bigint NOT NULL,
    anchor_start text NOT NULL,
    anchor_end text NOT NULL,
    quote text NOT NULL,
    resolved_by text REFERENCES users(id),
    resolved_at bigint
  );
  CREATE INDEX threads_by_document ON threads(document_id, created_at);

  CREATE TABLE thread_messages (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id text NOT NULL UNIQUE,
    thread_id text NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
    author_id text NOT NULL REFERENCES users(id),
    delegation text NOT NULL,
    body text NOT NULL,
    created_at bigint NOT NULL,
    edited_at bigint,
    deleted_at bigint,
    hidden_by text REFERENCES users(id),
    hidden_reason text,
    hidden_at bigint
  );
  CREATE INDEX thread_messages_by_thread ON thread_messages(thread_id, seq);

  CREATE TABLE thread_reads (
    thread_id text NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
    user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    last_seq bigint NOT NULL,
    PRIMARY KEY (thread_id, user_id)
  );

  CREATE TABLE document_symbols (
    document_id text PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    symbol_base text NOT NULL
  );

  CREATE TABLE revisions (
    id text PRIMARY KEY,
    document_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    number integer NOT NULL,
    symbol text NOT NULL,
    note text NOT NULL,
    state bytea NOT NULL,
    content_json text NOT NULL,
    sha256 text NOT NULL,
    issued_by text NOT NULL,
    delegation text NOT NULL,
    issued_at bigint NOT NULL,
    adopted_at bigint,
    UNIQUE (document_id, number),
    UNIQUE (document_id, symbol)
  );

  CREATE TABLE silence_procedures (
    ord bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    id text PRIMARY KEY,
    document_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    revision_id text NOT NULL REFERENCES revisions(id) ON DELETE CASCADE,
    started_by text NOT NULL,
    started_at bigint NOT NULL,
    deadline bigint NOT NULL,
    state text NOT NULL CHECK (state IN ('running', 'broken', 'adopted')),
    ended_at bigint,
    broken_by text,
    broken_delegation text,
    reason text
  );
  CREATE UNIQUE INDEX silence_running ON silence_procedures(document_id) WHERE state = 'running';
  CREATE INDEX silence_by_document ON silence_procedures(document_id, started_at);

  -- The access version (SPEC H4): moved by triggers in the changing transaction itself.
  CREATE TABLE access_version (
    id integer PRIMARY KEY CHECK (id = 1),
    version bigint NOT NULL
  );
  INSERT INTO access_version (id, version) VALUES (1, 0);
  CREATE FUNCTION bump_access_version() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    UPDATE access_version SET version = version + 1 WHERE id = 1;
    RETURN NULL;
  END $$;
  CREATE TRIGGER access_membership_changed AFTER INSERT OR UPDATE OR DELETE ON memberships
    FOR EACH ROW EXECUTE FUNCTION bump_access_version();
  CREATE TRIGGER access_user_disabled AFTER UPDATE OF disabled ON users
    FOR EACH ROW EXECUTE FUNCTION bump_access_version();
  CREATE TRIGGER access_user_deleted AFTER DELETE ON users
    FOR EACH ROW EXECUTE FUNCTION bump_access_version();
  CREATE TRIGGER access_session_ended AFTER DELETE ON sessions
    FOR EACH ROW EXECUTE FUNCTION bump_access_version();
`;

const LEASES = `
  -- One authority per draft (issue 19). epoch is the fencing token: it moves on every change
  -- of owner and never goes back (a released lease keeps its row and its epoch).
  CREATE TABLE document_leases (
    document_id text PRIMARY KEY,
    owner text,
    epoch bigint NOT NULL,
    lease_until timestamptz NOT NULL
  );
`;

export const PG_MIGRATIONS: readonly PgMigration[] = [
  { version: 1, name: 'initial schema (SQLite version 9)', sql: INITIAL },
  { version: 2, name: 'document leases', sql: LEASES },
];
