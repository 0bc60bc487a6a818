import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const serverDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = mkdtempSync(join(tmpdir(), 'accord-cli-'));

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs the admin tool from source as a user would, with stdin. */
function admin(args: string[], input = '') {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: serverDir,
    env: { ...process.env, ACCORD_DATA_DIR: dataDir },
    input,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('accord-admin', () => {
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

  it('refuses to prompt without a terminal', () => {
    const result = admin(['user', 'set-password', 'jdoe']);
    expect(result).toMatchObject({ code: 1 });
    expect(result.stderr).toContain('--password-stdin');
  });
});
