import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { describeStorageContract } from '../../testing/storageContract';
import { MIGRATIONS, migrate } from './migrations';
import { DATABASE_FILE, SqliteStorage } from './SqliteStorage';

const folders: string[] = [];

function freshFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'accord-sqlite-'));
  folders.push(folder);
  return folder;
}

function openIn(folder: string): SqliteStorage {
  const opened = SqliteStorage.open(folder, { defaultTimeZone: 'UTC' });
  if (!opened.ok) throw new Error(opened.error);
  return opened.value;
}

afterAll(async () => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describeStorageContract('SqliteStorage', () => openIn(freshFolder()));

describe('SqliteStorage', () => {
  it('runs in WAL mode with foreign keys on and NORMAL sync', async () => {
    const storage = openIn(freshFolder());
    // synchronous: 1 is NORMAL.
    expect(storage.settings()).toEqual({
      journalMode: 'wal',
      synchronous: 1,
      foreignKeys: 1,
      busyTimeout: 5000,
    });
    await storage.close();
  });

  it('keeps what was written across a reopen', async () => {
    const folder = freshFolder();
    const first = openIn(folder);
    await first.negotiations.create({
      id: 'n',
      title: 'T',
      venue: 'V',
      startsOn: '2025-06-11',
      timeZone: 'UTC',
    });
    await first.documents.create({ id: 'd', negotiationId: 'n', title: 'D' });
    const seq = await first.updates.append('d', Uint8Array.of(1, 2), null);
    await first.close();
    const second = openIn(folder);
    expect(await second.updates.load('d')).toEqual([{ seq, update: Uint8Array.of(1, 2) }]);
    await second.close();
  });

  it('sees an appended update from another connection at once (committed on return)', async () => {
    const folder = freshFolder();
    const storage = openIn(folder);
    await storage.negotiations.create({
      id: 'n',
      title: 'T',
      venue: 'V',
      startsOn: '2025-06-11',
      timeZone: 'UTC',
    });
    await storage.documents.create({ id: 'd', negotiationId: 'n', title: 'D' });
    await storage.updates.append('d', Uint8Array.of(5), null);
    const reader = new Database(join(folder, DATABASE_FILE), { readonly: true });
    const row = reader.prepare('SELECT COUNT(*) AS n FROM document_updates').get() as { n: number };
    expect(row.n).toBe(1);
    reader.close();
    await storage.close();
  });

  it('records each migration once and is idempotent on reopen', async () => {
    const folder = freshFolder();
    await openIn(folder).close();
    await openIn(folder).close();
    const db = new Database(join(folder, DATABASE_FILE));
    const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
    expect(versions).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
    db.close();
  });

  it('keeps client-id bindings when upgrading a version 1 database', async () => {
    const folder = freshFolder();
    const db = new Database(join(folder, DATABASE_FILE));
    db.pragma('foreign_keys = ON');
    migrate(db, { defaultTimeZone: 'UTC' }, MIGRATIONS.slice(0, 1));
    db.exec(`
      INSERT INTO users VALUES ('u', 'mx', 'MX', 'h', 0, 1);
      INSERT INTO negotiations VALUES ('n', 'T', 'V', '2025-06-11', 1);
      INSERT INTO documents VALUES ('d', 'n', 'D', 1, 1);
      INSERT INTO client_ids VALUES ('d', 42, 'u');
    `);
    db.close();
    const storage = openIn(folder);
    expect(await storage.updates.clientOwners('d')).toEqual(new Map([[42, 'u']]));
    await storage.close();
  });

  it('refuses a database written by a newer version', async () => {
    const folder = freshFolder();
    await openIn(folder).close();
    const db = new Database(join(folder, DATABASE_FILE));
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
      999,
      'from the future',
      Date.now(),
    );
    db.close();
    const opened = SqliteStorage.open(folder, { defaultTimeZone: 'UTC' });
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.error).toContain('schema version 999');
  });
});
