/**
 * Rows of the tables `users` and `sessions`, as both engines return them (snake_case columns;
 * PostgreSQL's pool parses bigint to number), and the records they map to.
 */
import { isLocale } from '@accord/shared/i18n/locales';
import type { SessionRecord, UserRecord } from '../storage';

/**
 * A `users` row whose `disabled` flag is in the engine's own type: SQLite has no boolean and
 * stores 0 or 1 (`UserRow<number>`), PostgreSQL a boolean (`UserRow<boolean>`). `toUser` reads
 * only the boolean form; SQLite's store turns its integer into it first, in the open.
 */
export interface UserRow<Flag extends number | boolean> {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  disabled: Flag;
  created_at: number;
  locale: string | null;
}

export function toUser(row: UserRow<boolean>): UserRecord {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    disabled: row.disabled,
    createdAt: row.created_at,
    // A value this version does not speak (written by a later one) reads as no choice.
    locale: isLocale(row.locale) ? row.locale : null,
  };
}

export interface SessionRow {
  id: string;
  user_id: string;
  expires_at: number;
}

export function toSession(row: SessionRow): SessionRecord {
  return { id: row.id, userId: row.user_id, expiresAt: row.expires_at };
}
