import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Several built Accord servers as one cluster over PostgreSQL and Redis (README "Several
 * servers", SPEC H5), for the Playwright specs: each a child process of its own, on a fixed free
 * port, allowing every server's origin (as behind one load balancer), serving the built client.
 * Only the first seeds the demo; each starts once the one before answers /api/health with 200.
 */

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const serverEntry = join(repoRoot, 'server', 'dist', 'main.js');
const clientDir = join(repoRoot, 'client', 'dist');

export const CLUSTER_DATABASE_URL =
  process.env.ACCORD_TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
export const CLUSTER_REDIS_URL = process.env.ACCORD_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** One server of the cluster. */
export interface ClusterServer {
  name: string;
  url: string;
  /** Everything it printed so far (for failure messages). */
  output(): string;
  /** Whether the process is still running. */
  running(): boolean;
  /** Sends a signal (SIGKILL by default: no shutdown at all) and waits for the exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** The minimal part of `pg` used here (the server's own copy: e2e does not depend on it). */
interface PgClient {
  connect(): Promise<void>;
  query(sql: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  end(): Promise<void>;
}
type PgModule = { Client: new (options: { connectionString: string }) => PgClient };
const pg = createRequire(join(repoRoot, 'server', 'package.json'))('pg') as PgModule;

/** Runs one query against the test database on a connection of its own. */
async function query(sql: string, values: unknown[] = []): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: CLUSTER_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows;
  } finally {
    await client.end();
  }
}

async function freePort(): Promise<number> {
  return await new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

async function healthStatus(url: string): Promise<number | null> {
  try {
    const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(3_000) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return null;
  }
}

/**
 * Fresh PostgreSQL schemas for one spec file (a random tag per file, a counter per cluster):
 * `dropAll` removes every one it handed out.
 */
export function clusterSchemas(prefix: string) {
  const fileTag = randomBytes(4).toString('hex');
  const made: string[] = [];
  return {
    fresh(): string {
      const schema = `accord_e2e_${prefix}_${fileTag}_${made.length + 1}`;
      made.push(schema);
      return schema;
    },
    async dropAll(): Promise<void> {
      for (const schema of made.splice(0)) {
        await query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      }
    },
  };
}

/** The URL (ACCORD_INTERNAL_URL) of the server holding a live lease on a draft, or null. */
export async function draftOwnerUrl(schema: string, documentId: string): Promise<string | null> {
  const rows = await query(
    `SELECT owner FROM ${schema}.document_leases WHERE document_id = $1 AND owner IS NOT NULL AND lease_until > now()`,
    [documentId],
  );
  const owner = rows[0]?.owner;
  if (typeof owner !== 'string') return null;
  // "serverId httpUrl" (server/src/cluster/Cluster.ts).
  return owner.slice(owner.indexOf(' ') + 1);
}

/** Every server started here and not yet known dead, killed by `killClusterServers`. */
const started = new Set<ClusterServer>();

function startServer(
  name: string,
  port: number,
  env: NodeJS.ProcessEnv,
): { server: ClusterServer; child: ChildProcess } {
  const dataDir = mkdtempSync(join(tmpdir(), 'accord-e2e-cluster-'));
  const child = spawn(process.execPath, [serverEntry], {
    cwd: repoRoot,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', ACCORD_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolveExit) => {
    child.once('exit', () => resolveExit());
    child.once('error', (error) => {
      output += `\n[spawn failed: ${error.message}]`;
      resolveExit();
    });
  });
  exited.then(() => rmSync(dataDir, { recursive: true, force: true })).catch(() => {});
  const running = () => child.exitCode === null && child.signalCode === null;
  const server: ClusterServer = {
    name,
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    running,
    async kill(signal: NodeJS.Signals = 'SIGKILL') {
      if (running()) child.kill(signal);
      await exited;
      started.delete(server);
    },
  };
  started.add(server);
  return { server, child };
}

export interface ClusterOptions {
  schema: string;
  /** ACCORD_LEASE_MS; the server's default when absent. */
  leaseMs?: number;
  /** Whether the first server seeds the demo (true by default; false to join a used schema). */
  seed?: boolean;
}

/** Starts `count` servers over one schema, the first seeding the demo unless told not to. */
export async function startCluster(
  count: number,
  options: ClusterOptions,
): Promise<ClusterServer[]> {
  const ports: number[] = [];
  for (let i = 0; i < count; i++) ports.push(await freePort());
  const origins = ports.map((port) => `http://127.0.0.1:${port}`);
  // The servers get no ACCORD_ setting of the shell this runs in, only the cluster's.
  const base: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('ACCORD_')) base[key] = value;
  }
  const servers: ClusterServer[] = [];
  for (const [i, port] of ports.entries()) {
    const url = origins[i] as string;
    const { server } = startServer(`server ${String.fromCharCode(65 + i)} (${url})`, port, {
      ...base,
      ACCORD_ORIGINS: origins.join(','),
      ACCORD_DATABASE_URL: CLUSTER_DATABASE_URL,
      ACCORD_DATABASE_SCHEMA: options.schema,
      ACCORD_REDIS_URL: CLUSTER_REDIS_URL,
      ACCORD_INTERNAL_URL: url,
      ...(options.leaseMs === undefined ? {} : { ACCORD_LEASE_MS: String(options.leaseMs) }),
      ACCORD_SEED_DEMO: i === 0 && options.seed !== false ? 'true' : 'false',
      ACCORD_CLIENT_DIR: clientDir,
    });
    servers.push(server);
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (!server.running()) {
        throw new Error(`${server.name} exited while starting:\n${server.output()}`);
      }
      if ((await healthStatus(url)) === 200) break;
      if (Date.now() > deadline) {
        throw new Error(`${server.name} never answered /api/health with 200:\n${server.output()}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return servers;
}

/** Kills (SIGKILL) every cluster server still running. */
export async function killClusterServers(): Promise<void> {
  await Promise.all([...started].map((server) => server.kill('SIGKILL')));
}

/** The last lines each server printed, for a failure message. */
export function clusterOutput(servers: readonly ClusterServer[]): string {
  return servers.map((server) => `--- ${server.name}\n${server.output().slice(-6_000)}`).join('\n');
}
