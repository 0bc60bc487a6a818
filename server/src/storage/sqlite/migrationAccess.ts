import type { Migration } from './migrationTypes';

/** Migration 8: the access version that open connections poll (SPEC H4). */
export const ACCESS_VERSION_MIGRATION: Migration = {
  version: 8,
  name: 'access version',
  sql: `
    -- One row whose version moves with every change of anyone's access, in the change's own
    -- transaction (triggers: no writer, in this process or the admin tool's, can forget it).
    -- Open sockets and event streams poll it and re-check their rights when it moves.
    CREATE TABLE access_version (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      version INTEGER NOT NULL
    ) STRICT;
    INSERT INTO access_version (id, version) VALUES (1, 0);

    CREATE TRIGGER access_membership_added AFTER INSERT ON memberships
    BEGIN UPDATE access_version SET version = version + 1; END;
    CREATE TRIGGER access_membership_changed AFTER UPDATE ON memberships
    BEGIN UPDATE access_version SET version = version + 1; END;
    CREATE TRIGGER access_membership_removed AFTER DELETE ON memberships
    BEGIN UPDATE access_version SET version = version + 1; END;
    CREATE TRIGGER access_user_disabled AFTER UPDATE OF disabled ON users
    BEGIN UPDATE access_version SET version = version + 1; END;
    CREATE TRIGGER access_user_deleted AFTER DELETE ON users
    BEGIN UPDATE access_version SET version = version + 1; END;
    CREATE TRIGGER access_session_ended AFTER DELETE ON sessions
    BEGIN UPDATE access_version SET version = version + 1; END;
  `,
};

/** Migration 9: the language a person chose (SPEC W1). */
export const USER_LOCALE_MIGRATION: Migration = {
  version: 9,
  name: 'user locale',
  sql: `
    -- The language a person chose ('en', 'es', 'fr'); NULL follows their browser's
    -- Accept-Language. No CHECK: a language added later needs no table rebuild, and a value
    -- this version does not speak reads as NULL. Not an access change: no trigger here.
    ALTER TABLE users ADD COLUMN locale TEXT;
  `,
};
