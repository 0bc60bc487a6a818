import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { currentSchemaVersion, type Migration, migrate } from './migrations';

describe('migrate', () => {
  it('applies pending migrations in order, each once', () => {
    const db = new Database(':memory:');
    const steps: Migration[] = [
      { version: 1, name: 'a', sql: 'CREATE TABLE a (x INTEGER)' },
      { version: 2, name: 'b', sql: 'CREATE TABLE b (x INTEGER)' },
    ];
    expect(migrate(db, steps.slice(0, 1))).toEqual({ ok: true, value: { from: 0, to: 1 } });
    expect(migrate(db, steps)).toEqual({ ok: true, value: { from: 1, to: 2 } });
    expect(migrate(db, steps)).toEqual({ ok: true, value: { from: 2, to: 2 } });
    expect(currentSchemaVersion(db)).toBe(2);
    db.close();
  });

  it('rolls back a failing migration entirely', () => {
    const db = new Database(':memory:');
    const broken: Migration[] = [
      { version: 1, name: 'half', sql: 'CREATE TABLE ok (x INTEGER); CREATE TABLE ok (x INTEGER)' },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(currentSchemaVersion(db)).toBe(0);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE name = 'ok'").all();
    expect(tables).toEqual([]);
    db.close();
  });

  it('refuses a database newer than the code', () => {
    const db = new Database(':memory:');
    migrate(db, [{ version: 3, name: 'c', sql: 'SELECT 1' }]);
    const result = migrate(db, [{ version: 1, name: 'a', sql: 'SELECT 1' }]);
    expect(result.ok).toBe(false);
    db.close();
  });
});
