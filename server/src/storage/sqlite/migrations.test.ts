import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { currentSchemaVersion, MIGRATIONS, type Migration, migrate } from './migrations';

const CONTEXT = { defaultTimeZone: 'America/Mexico_City' };

describe('migrate', () => {
  it('applies pending migrations in order, each once', async () => {
    const db = new Database(':memory:');
    const steps: Migration[] = [
      { version: 1, name: 'a', sql: 'CREATE TABLE a (x INTEGER)' },
      { version: 2, name: 'b', sql: 'CREATE TABLE b (x INTEGER)' },
    ];
    expect(migrate(db, CONTEXT, steps.slice(0, 1))).toEqual({
      ok: true,
      value: { from: 0, to: 1 },
    });
    expect(migrate(db, CONTEXT, steps)).toEqual({ ok: true, value: { from: 1, to: 2 } });
    expect(migrate(db, CONTEXT, steps)).toEqual({ ok: true, value: { from: 2, to: 2 } });
    expect(currentSchemaVersion(db)).toBe(2);
    db.close();
  });

  it('rolls back a failing migration entirely', async () => {
    const db = new Database(':memory:');
    const broken: Migration[] = [
      { version: 1, name: 'half', sql: 'CREATE TABLE ok (x INTEGER); CREATE TABLE ok (x INTEGER)' },
    ];
    await expect(async () => migrate(db, CONTEXT, broken)).rejects.toThrow();
    expect(currentSchemaVersion(db)).toBe(0);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE name = 'ok'").all();
    expect(tables).toEqual([]);
    db.close();
  });

  it('refuses a database newer than the code', async () => {
    const db = new Database(':memory:');
    migrate(db, CONTEXT, [{ version: 3, name: 'c', sql: 'SELECT 1' }]);
    const result = migrate(db, CONTEXT, [{ version: 1, name: 'a', sql: 'SELECT 1' }]);
    expect(result.ok).toBe(false);
    db.close();
  });

  it('gives negotiations that predate time zones the installation’s zone, and new ones none', async () => {
    const db = new Database(':memory:');
    const version = (n: number) => MIGRATIONS.filter((step) => step.version <= n);
    migrate(db, CONTEXT, version(5));
    db.exec(`INSERT INTO negotiations VALUES ('n', 'T', 'V', '2025-06-11', 1)`);
    expect(migrate(db, CONTEXT, version(6))).toEqual({ ok: true, value: { from: 5, to: 6 } });
    expect(db.prepare('SELECT time_zone FROM negotiations').get()).toEqual({
      time_zone: 'America/Mexico_City',
    });
    db.close();
  });

  it('rolls back a migration whose fill fails, schema change included', async () => {
    const db = new Database(':memory:');
    const failing: Migration[] = [
      {
        version: 1,
        name: 'fill fails',
        sql: 'CREATE TABLE t (x INTEGER)',
        fill: () => {
          throw new Error('no');
        },
      },
    ];
    await expect(async () => migrate(db, CONTEXT, failing)).rejects.toThrow('no');
    expect(currentSchemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 't'").all()).toEqual([]);
    db.close();
  });
});
