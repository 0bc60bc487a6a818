// `pnpm start:cluster`: two Accord servers (3001 and 3002) over the local PostgreSQL and Redis
// (issue 19), as behind one load balancer: each allows both origins, the first seeds the demo
// into an empty schema. Ctrl-C stops both (each releases its drafts' leases).
//   ACCORD_DATABASE_URL     default postgresql://postgres@127.0.0.1:5432/test
//   ACCORD_DATABASE_SCHEMA  default accord_cluster
//   ACCORD_REDIS_URL        default redis://127.0.0.1:6379
//   ACCORD_LEASE_MS         passed on when set (5000 by default)
//   ACCORD_CLUSTER_PORTS    default 3001,3002
// Run from server/ (the root script does), where tsx is installed.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoLoginsTable } from '../server/src/seed/demo';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const serverDir = join(root, 'server');
const databaseUrl = process.env.ACCORD_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/test';
const schema = process.env.ACCORD_DATABASE_SCHEMA || 'accord_cluster';
const redisUrl = process.env.ACCORD_REDIS_URL || 'redis://127.0.0.1:6379';
const ports = (process.env.ACCORD_CLUSTER_PORTS || '3001,3002')
  .split(',')
  .map((port) => Number(port.trim()));
if (ports.length < 2 || ports.some((port) => !Number.isInteger(port) || port <= 0)) {
  console.error(`ACCORD_CLUSTER_PORTS must list ports, got "${process.env.ACCORD_CLUSTER_PORTS}"`);
  process.exit(2);
}
const urls = ports.map((port) => `http://127.0.0.1:${port}`);
const origins = [...urls, ...ports.map((port) => `http://localhost:${port}`)];

const children: ChildProcess[] = [];
let stopping = false;

function prefixed(port: number, stream: NodeJS.ReadableStream, out: NodeJS.WriteStream): void {
  let rest = '';
  stream.on('data', (chunk: Buffer) => {
    const lines = (rest + chunk.toString()).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) out.write(`[${port}] ${line}\n`);
  });
  stream.on('end', () => {
    if (rest !== '') out.write(`[${port}] ${rest}\n`);
  });
}

function startServer(index: number): ChildProcess {
  const port = ports[index] as number;
  const dataDir = join(root, 'data', `cluster-${port}`);
  mkdirSync(dataDir, { recursive: true });
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    // Its own process group: Ctrl-C reaches this script only, which stops each server once.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      ACCORD_ORIGINS: origins.join(','),
      ACCORD_DATABASE_URL: databaseUrl,
      ACCORD_DATABASE_SCHEMA: schema,
      ACCORD_REDIS_URL: redisUrl,
      ACCORD_INTERNAL_URL: urls[index],
      ACCORD_SEED_DEMO: index === 0 ? 'true' : 'false',
      ACCORD_DATA_DIR: dataDir,
    },
  });
  if (child.stdout) prefixed(port, child.stdout, process.stdout);
  if (child.stderr) prefixed(port, child.stderr, process.stderr);
  child.once('exit', (code, signal) => {
    if (stopping) return;
    console.error(`The server on ${port} stopped (${signal ?? `exit code ${code}`}).`);
    stop(1);
  });
  children.push(child);
  return child;
}

async function healthy(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not become healthy within 60 s`);
}

function stop(code: number): void {
  if (stopping) {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    process.exit(code);
  }
  stopping = true;
  console.log('Stopping both servers…');
  const exits = children.map(
    (child) =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) resolve();
        else {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }
      }),
  );
  Promise.all(exits).then(
    () => process.exit(code),
    () => process.exit(1),
  );
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
process.on('exit', () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

try {
  // The first seeds an empty schema; the second starts once it answers.
  for (const [index, url] of urls.entries()) {
    await healthy(url, startServer(index));
    if (stopping) break;
  }
} catch (error) {
  console.error(String(error));
  stop(1);
}
if (!stopping) {
  console.log(`
Accord cluster is running (PostgreSQL schema "${schema}", Redis ${redisUrl}):
${urls.map((url, i) => `  ${url}${i === 0 ? '   (seeds the demo into an empty schema)' : ''}`).join('\n')}
Open either one: a draft lives on one server and the other relays to it.

Demo logins:

${demoLoginsTable()}

Ctrl-C stops both servers.
`);
}
