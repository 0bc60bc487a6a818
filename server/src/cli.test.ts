import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { seedDemo } from './seed/demo';
import { pgSchemas, TEST_DATABASE_URL } from './storage/postgres/pgTestKit';
import { SqliteStorage } from './storage/sqlite/SqliteStorage';

const serverDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = mkdtempSync(join(tmpdir(), 'accord-cli-'));

const schemas = pgSchemas('cli');
afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  await schemas.dropAll();
});

/** Runs the admin tool from source as a user would, with stdin. */
function admin(args: string[], input = '', dir = dataDir, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: serverDir,
    env: { ...process.env, ACCORD_DATA_DIR: dir, ...env },
    input,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each case starts Node with tsx, seconds each on a busy machine: time is not what is tested.
describe('accord-admin', { timeout: 30_000 }, () => {
  it('creates a user from --password-stdin and lists it (exit 0)', () => {
    const created = admin(
      ['user', 'create', 'jdoe', '--name', 'Jane Doe', '--password-stdin'],
      'a long enough password\n',
    );
    expect(created).toMatchObject({ code: 0, stdout: 'Created user jdoe (Jane Doe).\n' });
    expect(admin(['user', 'list']).stdout).toContain('jdoe      Jane Doe  active');
  });

  it('exits 1 when the command fails and 2 on a wrong command line', () => {
    const failed = admin(['user', 'disable', 'nobody']);
    expect(failed).toMatchObject({ code: 1, stderr: 'No user "nobody".\n' });
    const usage = admin(['user', 'fly']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Unknown command "user fly".');
    expect(usage.stderr).toContain('Usage: accord-admin');
  });

  it('works on PostgreSQL with ACCORD_DATABASE_URL, and names an unreachable one', async () => {
    const schema = schemas.fresh();
    const storage = await schemas.openIn(schema);
    await seedDemo(storage, 'not-a-real-hash');
    await storage.close();
    const postgres = { ACCORD_DATABASE_URL: TEST_DATABASE_URL, ACCORD_DATABASE_SCHEMA: schema };
    const created = admin(
      ['user', 'create', 'pg.user', '--name', 'On Postgres', '--password-stdin'],
      'a long enough password\n',
      dataDir,
      postgres,
    );
    expect(created).toMatchObject({ code: 0 });
    const listed = admin(['user', 'list'], '', dataDir, postgres).stdout;
    expect(listed).toContain('pg.user');
    expect(listed).toContain('mx.delegate');
    // The SQLite folder knows nothing of it.
    expect(admin(['user', 'list']).stdout).not.toContain('pg.user');
    const down = admin(['user', 'list'], '', dataDir, {
      ACCORD_DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/test',
    });
    expect(down.code).toBe(1);
    expect(down.stderr).toContain(
      'Cannot open the PostgreSQL database at postgresql://postgres@127.0.0.1:1/test',
    );
  });

  it('refuses to prompt without a terminal', () => {
    const result = admin(['user', 'set-password', 'jdoe']);
    expect(result).toMatchObject({ code: 1 });
    expect(result.stderr).toContain('--password-stdin');
  });

  it('exports the seeded draft from a data folder to standard output', async () => {
    const seededDir = mkdtempSync(join(tmpdir(), 'accord-cli-export-'));
    try {
      const opened = SqliteStorage.open(seededDir, { defaultTimeZone: 'UTC' });
      if (!opened.ok) throw new Error(opened.error);
      const { documentId } = await seedDemo(opened.value, 'not-a-real-hash');
      await opened.value.close();
      const result = admin(
        ['export', '--document', documentId, '--format', 'txt', '--out', '-'],
        '',
        seededDir,
      );
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toMatch(/^DRAFT — compiled /);
      expect(result.stdout).toContain('OP10  Decide to meet again at ministerial level');
    } finally {
      rmSync(seededDir, { recursive: true, force: true });
    }
  });
});
