import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunningTestServer } from './testServer';

const serverDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** What the admin tool printed and how it exited, and when (performance.now()) it did. */
export interface AdminRun {
  code: number | null;
  stdout: string;
  stderr: string;
  exitedAt: number;
}

/**
 * Runs the real admin tool (`src/cli.ts`, a separate process) on a test server's data folder,
 * without blocking this process: the server keeps serving while the tool runs.
 */
export function runAdmin(
  server: Pick<RunningTestServer, 'dataDir'>,
  args: readonly string[],
  stdin = '',
): Promise<AdminRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      cwd: serverDir,
      env: { ...process.env, ACCORD_DATA_DIR: server.dataDir },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr, exitedAt: performance.now() }));
    child.stdin.end(stdin);
  });
}
