import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './clusterTestKit';

const serverDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A child process the test started: an Accord server or a Redis server. */
export interface ChildServer {
  name: string;
  child: ChildProcess;
  /** Everything it printed so far (shown when a test fails). */
  output(): string;
  /** Resolves once it exited. */
  exited: Promise<void>;
  /** Sends a signal and waits for the exit (SIGKILL by default: no shutdown at all). */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Every child started here, killed by `killChildren` (afterEach). */
const children = new Set<ChildServer>();

function start(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd?: string,
) {
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    child.once('exit', () => resolve());
    child.once('error', (error) => {
      output += `\n[spawn failed: ${error.message}]`;
      resolve();
    });
  });
  const server: ChildServer = {
    name,
    child,
    output: () => output,
    exited,
    async kill(signal: NodeJS.Signals = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
      children.delete(server);
    },
  };
  children.add(server);
  return server;
}

/** Kills (SIGKILL) every child still running; call it in afterEach/afterAll. */
export async function killChildren(): Promise<void> {
  await Promise.all([...children].map((child) => child.kill('SIGKILL')));
}

/** Polls `probe` until it is true; the error shows the child's output. */
async function waitFor(
  probe: () => Promise<boolean>,
  what: string,
  timeoutMs: number,
  child: ChildServer,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.child.exitCode !== null || child.child.signalCode !== null) {
      throw new Error(`${child.name} exited while waiting for ${what}:\n${child.output()}`);
    }
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}:\n${child.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The status of `GET /api/health`, or null when the server does not answer. */
export async function healthStatus(url: string, timeoutMs = 3_000): Promise<number | null> {
  try {
    const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(timeoutMs) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return null;
  }
}

/** An Accord server running as a process of its own (`node --import tsx src/main.ts`). */
export interface ServerProcess extends ChildServer {
  url: string;
  port: number;
}

export interface ProcessClusterOptions {
  databaseUrl: string;
  schema: string;
  redisUrl: string;
  leaseMs: number;
}

/**
 * Starts `count` Accord servers as child processes over one schema, on fixed free ports, each
 * allowing every server's origin (as behind one load balancer). Only the first seeds the demo;
 * each is started once the one before answers `GET /api/health` with 200.
 */
export async function startServerProcesses(
  count: number,
  options: ProcessClusterOptions,
): Promise<ServerProcess[]> {
  const ports: number[] = [];
  for (let i = 0; i < count; i++) ports.push(await freePort());
  const origins = ports.map((port) => `http://127.0.0.1:${port}`);
  const base: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('ACCORD_') && !key.startsWith('VITEST')) base[key] = value;
  }
  const servers: ServerProcess[] = [];
  for (const [i, port] of ports.entries()) {
    const url = origins[i] as string;
    const dataDir = mkdtempSync(join(tmpdir(), 'accord-failover-'));
    const child = start(
      `server ${i + 1} (${url})`,
      process.execPath,
      ['--import', 'tsx', 'src/main.ts'],
      {
        ...base,
        PORT: String(port),
        HOST: '127.0.0.1',
        ACCORD_ORIGINS: origins.join(','),
        ACCORD_DATABASE_URL: options.databaseUrl,
        ACCORD_DATABASE_SCHEMA: options.schema,
        ACCORD_REDIS_URL: options.redisUrl,
        ACCORD_INTERNAL_URL: url,
        ACCORD_LEASE_MS: String(options.leaseMs),
        ACCORD_SEED_DEMO: i === 0 ? 'true' : 'false',
        ACCORD_DATA_DIR: dataDir,
      },
      serverDir,
    );
    child.exited.then(() => rmSync(dataDir, { recursive: true, force: true })).catch(() => {});
    const server: ServerProcess = { ...child, url, port };
    servers.push(server);
    await waitFor(
      async () => (await healthStatus(url)) === 200,
      `${url}/api/health`,
      60_000,
      child,
    );
  }
  return servers;
}

/** A throwaway `redis-server` on a port of its own, without persistence. */
export async function startRedis(port: number): Promise<ChildServer> {
  const child = start(
    `redis-server :${port}`,
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    process.env,
  );
  await waitFor(
    async () => child.output().includes('Ready to accept connections'),
    `redis-server on ${port}`,
    10_000,
    child,
  );
  return child;
}
