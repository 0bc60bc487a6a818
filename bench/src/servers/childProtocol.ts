/**
 * How the load generator and a server under test, started as a child process, talk: the parent
 * describes the rooms in environment variables; the child answers with one `BENCH_READY` line
 * on stdout once it listens.
 */

/**
 * The servers under test, in the order the report lists them. `accord` is Accord as shipped;
 * `accord-ungrouped` is Accord with group commit and coalesced frames turned off (issue 17's
 * before/after); it runs only when asked for (`--servers=accord,accord-ungrouped,…`), so that the
 * full run stays within its five minutes.
 */
export const SERVER_KINDS = [
  'accord',
  'accord-ungrouped',
  'hocuspocus',
  'y-websocket',
  'relay',
  'accord-pg',
  'accord-cluster',
] as const;

/** One server under test. */
export type ServerKind = (typeof SERVER_KINDS)[number];

/**
 * Whether a server is Accord (same protocol, sign-in and child script), whatever its settings
 * or storage.
 */
export function isAccord(
  kind: ServerKind,
): kind is 'accord' | 'accord-ungrouped' | 'accord-pg' | 'accord-cluster' {
  return wireKind(kind) === 'accord';
}

/** Environment a server's child starts with besides its launch (Accord's settings). */
export function kindEnv(kind: ServerKind): Record<string, string> {
  if (kind === 'accord-ungrouped') {
    return { ACCORD_GROUP_COMMIT: 'false', ACCORD_COALESCE_FRAMES: 'false' };
  }
  return {};
}

/**
 * Accord over PostgreSQL (one server), and over two servers sharing PostgreSQL and Redis with
 * the clients split across them (issue 19). Both run Accord's own child script.
 */
export const CLUSTER_KINDS = ['accord-pg', 'accord-cluster'] as const satisfies ServerKind[];

/** Whether `kind` is one of Accord's PostgreSQL configurations. */
export function isClusterKind(kind: ServerKind): kind is (typeof CLUSTER_KINDS)[number] {
  return (CLUSTER_KINDS as readonly ServerKind[]).includes(kind);
}

/** The protocol a server of `kind` speaks to its clients (every Accord configuration: Accord's). */
export function wireKind(kind: ServerKind): 'accord' | 'hocuspocus' | 'y-websocket' | 'relay' {
  return isClusterKind(kind) || kind === 'accord-ungrouped' ? 'accord' : kind;
}

/** What a child server must prepare before it says it is ready. */
export interface ServerLaunch {
  /** A fresh folder the child may write to; the parent removes it. */
  dataDir: string;
  /** Room (document) names to create, each seeded with the update in `seedFile`. */
  rooms: string[];
  /** How many distinct users the clients will sign in as (Accord only). */
  users: number;
  /** A file holding the Yjs update every room starts from, or null for empty rooms. */
  seedFile: string | null;
}

/** What a ready child tells the parent. */
export interface ServerReady {
  /** http://127.0.0.1:<port> */
  url: string;
  /** Usernames clients sign in as, all with the demo password (Accord only; empty otherwise). */
  users: string[];
}

const READY_PREFIX = 'BENCH_READY ';

const ENV = {
  dataDir: 'BENCH_DATA_DIR',
  rooms: 'BENCH_ROOMS',
  users: 'BENCH_USERS',
  seedFile: 'BENCH_SEED_FILE',
} as const;

/** The environment variables that carry a launch to a child. */
export function launchEnv(launch: ServerLaunch): Record<string, string> {
  return {
    [ENV.dataDir]: launch.dataDir,
    [ENV.rooms]: launch.rooms.join(','),
    [ENV.users]: String(launch.users),
    [ENV.seedFile]: launch.seedFile ?? '',
  };
}

/** Reads a launch from a child's environment. */
export function parseLaunchEnv(
  env: Record<string, string | undefined>,
): { ok: true; value: ServerLaunch } | { ok: false; error: string } {
  const dataDir = env[ENV.dataDir];
  if (!dataDir) return { ok: false, error: `${ENV.dataDir} is required` };
  const users = Number(env[ENV.users] ?? '0');
  if (!Number.isInteger(users) || users < 0) {
    return { ok: false, error: `${ENV.users} must be a whole number` };
  }
  const rooms = (env[ENV.rooms] ?? '').split(',').filter((room) => room.length > 0);
  return { ok: true, value: { dataDir, rooms, users, seedFile: env[ENV.seedFile] || null } };
}

/** The line a child prints once it is ready. */
export function readyLine(ready: ServerReady): string {
  return `${READY_PREFIX}${JSON.stringify(ready)}`;
}

/** Finds the ready message in a child's stdout so far, if it has been printed. */
export function findReady(output: string): ServerReady | undefined {
  const start = output.indexOf(READY_PREFIX);
  if (start < 0) return undefined;
  const end = output.indexOf('\n', start);
  if (end < 0) return undefined;
  const parsed: unknown = JSON.parse(output.slice(start + READY_PREFIX.length, end));
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { url, users } = parsed as { url?: unknown; users?: unknown };
  if (typeof url !== 'string' || !Array.isArray(users)) return undefined;
  return { url, users: users.filter((user): user is string => typeof user === 'string') };
}

/** What a child reports about its memory when the parent sends SIGUSR2 (after a full GC). */
export interface MemoryReport {
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  rss: number;
  /** Whatever else the server wants to report (Accord: its update log's stats). */
  extra: Record<string, unknown>;
}

const MEMORY_PREFIX = 'BENCH_MEMORY ';

/** The line a child prints in answer to SIGUSR2. */
export function memoryLine(report: MemoryReport): string {
  return `${MEMORY_PREFIX}${JSON.stringify(report)}`;
}

/** Parses one output line as a memory report, if it is one. */
export function parseMemoryLine(line: string): MemoryReport | undefined {
  if (!line.startsWith(MEMORY_PREFIX)) return undefined;
  const parsed: unknown = JSON.parse(line.slice(MEMORY_PREFIX.length));
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const value = parsed as Partial<MemoryReport>;
  if (typeof value.heapUsed !== 'number' || typeof value.rss !== 'number') return undefined;
  return {
    heapUsed: value.heapUsed,
    external: value.external ?? 0,
    arrayBuffers: value.arrayBuffers ?? 0,
    rss: value.rss,
    extra: value.extra ?? {},
  };
}
