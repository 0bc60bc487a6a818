import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { describeStorageContract } from '../../testing/storageContract';
import { openPgStorage } from './PgStorage';
import { createPool } from './pgDb';
import { migratePg, PG_MIGRATIONS } from './pgMigrations';
import { pgSchemas, TEST_DATABASE_URL } from './pgTestKit';

const schemas = pgSchemas('storage');

afterAll(() => schemas.dropAll());

describeStorageContract('PgStorage', () => schemas.open());

async function withDocument(storage: Awaited<ReturnType<typeof schemas.open>>): Promise<void> {
  await storage.negotiations.create({
    id: 'n',
    title: 'T',
    venue: 'V',
    startsOn: '2025-06-11',
    timeZone: 'UTC',
  });
  await storage.documents.create({ id: 'd', negotiationId: 'n', title: 'D' });
}

describe('PgStorage', () => {
  it('keeps what was written across a reopen, bytes and numbers intact', async () => {
    const schema = schemas.fresh();
    const first = await schemas.openIn(schema);
    await withDocument(first);
    const seq = await first.updates.append('d', Uint8Array.of(0, 1, 255), null);
    await first.close();
    const second = await schemas.openIn(schema);
    const log = await second.updates.load('d');
    expect(log).toEqual([{ seq, update: Uint8Array.of(0, 1, 255) }]);
    expect(log[0]?.update).toBeInstanceOf(Uint8Array);
    expect(typeof (await second.documents.byId('d'))?.createdAt).toBe('number');
    await second.close();
  });

  it('sees an appended update from another connection at once (committed on return)', async () => {
    const storage = await schemas.open();
    await withDocument(storage);
    await storage.updates.append('d', Uint8Array.of(5), null);
    const reader = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await reader.connect();
    const row = await reader.query(
      `SELECT COUNT(*)::int AS n FROM ${storage.schema}.document_updates`,
    );
    expect(row.rows[0]).toEqual({ n: 1 });
    await reader.end();
    await storage.close();
  });

  it('migrates once when two servers open a new schema together, and is idempotent', async () => {
    const schema = schemas.fresh();
    const [a, b] = await Promise.all([schemas.openIn(schema), schemas.openIn(schema)]);
    await a.close();
    await b.close();
    await (await schemas.openIn(schema)).close();
    const reader = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await reader.connect();
    const versions = await reader.query(
      `SELECT version FROM ${schema}.schema_migrations ORDER BY version`,
    );
    await reader.end();
    expect(versions.rows).toEqual(PG_MIGRATIONS.map((m) => ({ version: m.version })));
  });

  it('gives every draft increasing seqs under concurrent appends, none lost', async () => {
    const storage = await schemas.open();
    await withDocument(storage);
    const seqs = await Promise.all(
      Array.from({ length: 20 }, (_, i) => storage.updates.append('d', Uint8Array.of(i), null)),
    );
    expect(new Set(seqs).size).toBe(20);
    const log = await storage.updates.load('d');
    expect(log.map((entry) => entry.seq)).toEqual([...seqs].sort((x, y) => x - y));
    await storage.close();
  });

  it('refuses a schema written by a newer version', async () => {
    const schema = schemas.fresh();
    const pool = createPool(TEST_DATABASE_URL, schema);
    await migratePg(pool, schema);
    await pool.query(
      'INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, $1, 0)',
      ['from the future'],
    );
    await pool.end();
    await expect(openPgStorage(TEST_DATABASE_URL, { schema })).rejects.toThrow('version 999');
  });

  it('refuses a schema name that would need quoting', async () => {
    await expect(openPgStorage(TEST_DATABASE_URL, { schema: 'x; DROP' })).rejects.toThrow(
      'Invalid PostgreSQL schema name',
    );
  });
});
