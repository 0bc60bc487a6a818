import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const serverEntry = join(repoRoot, 'server', 'dist', 'main.js');

/**
 * The built Accord server as a child process, as `pnpm start` runs it, for the Playwright specs
 * and the co-editing fuzz test alike (nothing here depends on a test runner).
 */

/** The password of every demo account (server/src/seed/demo.ts). */
export const DEMO_PASSWORD = 'accord-demo-2025';

/** A running Accord server process started from the built bundle. */
export interface AccordProcess {
  url: string;
  dataDir: string;
  /** What the server has printed on its standard output so far (its info log). */
  output(): string;
  /** Stops the process (SIGTERM, then SIGKILL) and waits for it to exit. */
  stop(): Promise<void>;
}

/**
 * Starts the built server on `port` (0 picks a free one) with `dataDir` (a fresh temporary folder
 * by default) and `env` over this process's environment, and resolves once it prints its URL and
 * answers /api/health.
 */
export async function startAccord(
  options: { dataDir?: string; port?: number; env?: Record<string, string> } = {},
): Promise<AccordProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'accord-e2e-'));
  const port = options.port ?? 0;
  const child = spawn(process.execPath, [serverEntry], {
    cwd: repoRoot,
    env: {
      ...process.env,
      ...options.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      ACCORD_DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const url = await waitForUrl(child);
  await waitForHealth(url);
  return {
    url,
    dataDir,
    output: () => output,
    stop: () => stopProcess(child),
  };
}

/** Removes a data folder made by `startAccord`. */
export function removeDataDir(dataDir: string): void {
  rmSync(dataDir, { recursive: true, force: true });
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`Accord did not start in time:\n${output}`)),
      20_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolvePromise(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Accord exited with code ${code} before starting:\n${output}`));
    });
  });
}

async function waitForHealth(url: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Accord at ${url} never became healthy`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolvePromise) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolvePromise();
    });
    child.kill('SIGTERM');
  });
}
