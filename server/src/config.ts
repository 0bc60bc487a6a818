import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTimeZone } from '@accord/shared/domain/timeZone';
import type { Result } from '@accord/shared/result';
import {
  type ClusterConfig,
  type DatabaseConfig,
  parseCluster,
  parseDatabase,
} from './serviceConfig';

/** Everything the server needs from its environment, validated once at start. */
export interface AppConfig {
  /** Port to listen on; 0 picks a free one (tests). */
  port: number;
  host: string;
  /** Absolute path of the folder holding the SQLite database. */
  dataDir: string;
  /** Origins allowed to send non-GET requests and to open the sync WebSocket. */
  allowedOrigins: string[];
  /** Whether session cookies carry `Secure` (set behind HTTPS). */
  secureCookies: boolean;
  /** Whether to seed the demo negotiation into an empty database. */
  seedDemo: boolean;
  /** Absolute path of the built client, or null when it has not been built. */
  clientDir: string | null;
  /** The time zone of negotiations that have not chosen one (IANA name). */
  defaultTimeZone: string;
  /**
   * PostgreSQL instead of SQLite (ACCORD_DATABASE_URL, `postgres://…`), in a schema
   * (ACCORD_DATABASE_SCHEMA, `public` by default); null for the embedded SQLite in `dataDir`.
   */
  database: DatabaseConfig | null;
  /**
   * Redis (ACCORD_REDIS_URL): several servers share the drafts over PostgreSQL, one owner per
   * draft (SPEC H5). Null: this server is the only one.
   */
  cluster: ClusterConfig | null;
}

/** A parsed value or a message naming the variable and the bad value. */
export type Parsed<T> = Result<T, string>;

export type { ClusterConfig, DatabaseConfig } from './serviceConfig';

/** The outcome of parsing untrusted configuration. */
export type ConfigResult = Parsed<AppConfig>;

/** The environment variables `parseConfig` reads. */
export type ConfigEnv = Record<string, string | undefined>;

/**
 * `<repo>/client/dist`. Both this source file (server/src/config.ts) and the bundle that inlines
 * it (server/dist/main.js) sit two folders below the repository root.
 */
export const DEFAULT_CLIENT_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'client',
  'dist',
);

function parsePort(raw: string | undefined): Parsed<number> {
  if (raw === undefined || raw.trim() === '') return { ok: true, value: 3000 };
  const value = Number(raw.trim());
  if (!/^\d+$/.test(raw.trim()) || value > 65535) {
    return { ok: false, error: `PORT must be an integer from 0 to 65535, got "${raw}"` };
  }
  return { ok: true, value };
}

function parseHost(raw: string | undefined): Parsed<string> {
  if (raw === undefined || raw.trim() === '') return { ok: true, value: '127.0.0.1' };
  if (/\s/.test(raw.trim())) {
    return { ok: false, error: `HOST must be a host name or IP address, got "${raw}"` };
  }
  return { ok: true, value: raw.trim() };
}

function parseBoolean(name: string, raw: string | undefined, fallback: boolean): Parsed<boolean> {
  if (raw === undefined || raw.trim() === '') return { ok: true, value: fallback };
  const normalized = raw.trim().toLowerCase();
  if (normalized === 'true') return { ok: true, value: true };
  if (normalized === 'false') return { ok: true, value: false };
  return { ok: false, error: `${name} must be "true" or "false", got "${raw}"` };
}

/** How the sync core trades work for latency (issue 17); both on by default. */
export interface SyncTuning {
  /** ACCORD_GROUP_COMMIT: client updates queued at once are committed in one transaction. */
  groupCommit: boolean;
  /** ACCORD_COALESCE_FRAMES: one update frame per peer per event-loop turn. */
  coalesceFrames: boolean;
  /**
   * ACCORD_IDLE_UNLOAD_MS: a draft nobody is connected to leaves memory after this long, its log
   * compacted first (30 s by default).
   */
  idleUnloadMs?: number;
  /**
   * ACCORD_QUIET_MS: a loaded draft with no update or command for this long hibernates, keeping
   * only its encoded state until the next one (60 s by default; 0: never).
   */
  quietMs?: number;
}

/**
 * ACCORD_GROUP_COMMIT and ACCORD_COALESCE_FRAMES ("true" or "false", default true): turning
 * them off is for measuring the sync core without them (the benchmark's `accord-ungrouped`).
 */
export function parseSyncTuning(env: ConfigEnv): Parsed<SyncTuning> {
  const groupCommit = parseBoolean('ACCORD_GROUP_COMMIT', env.ACCORD_GROUP_COMMIT, true);
  if (!groupCommit.ok) return groupCommit;
  const coalesceFrames = parseBoolean('ACCORD_COALESCE_FRAMES', env.ACCORD_COALESCE_FRAMES, true);
  if (!coalesceFrames.ok) return coalesceFrames;
  const idleUnloadMs = parseMilliseconds('ACCORD_IDLE_UNLOAD_MS', env.ACCORD_IDLE_UNLOAD_MS);
  if (!idleUnloadMs.ok) return idleUnloadMs;
  const quietMs = parseMilliseconds('ACCORD_QUIET_MS', env.ACCORD_QUIET_MS);
  if (!quietMs.ok) return quietMs;
  return {
    ok: true,
    value: {
      groupCommit: groupCommit.value,
      coalesceFrames: coalesceFrames.value,
      ...(idleUnloadMs.value === undefined ? {} : { idleUnloadMs: idleUnloadMs.value }),
      ...(quietMs.value === undefined ? {} : { quietMs: quietMs.value }),
    },
  };
}

/** An optional duration setting: an integer number of milliseconds up to a day. */
function parseMilliseconds(name: string, raw: string | undefined): Parsed<number | undefined> {
  const trimmed = raw?.trim();
  if (!trimmed) return { ok: true, value: undefined };
  const value = Number(trimmed);
  if (!Number.isInteger(value) || value < 0 || value > 86_400_000) {
    return { ok: false, error: `${name} must be an integer from 0 to 86400000, got "${raw}"` };
  }
  return { ok: true, value };
}

/** ACCORD_DATA_DIR alone, resolved absolute (the admin CLI needs nothing else). */
export function parseDataDir(raw: string | undefined, cwd: string = process.cwd()): Parsed<string> {
  const value = resolve(cwd, raw === undefined || raw.trim() === '' ? 'data' : raw.trim());
  if (existsSync(value) && !statSync(value).isDirectory()) {
    return {
      ok: false,
      error: `ACCORD_DATA_DIR must be a folder, got "${raw}" which is a file (${value})`,
    };
  }
  return { ok: true, value };
}

/** The zone the process runs in (the host's, or the TZ variable's), as Node resolves it. */
export function hostTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * ACCORD_TIME_ZONE, the zone of negotiations that have not chosen one; the host's by default
 * (`host`). Read by the server and by the admin tool, which both may open the database first.
 */
export function parseDefaultTimeZone(
  raw: string | undefined,
  host: string = hostTimeZone(),
): Parsed<string> {
  const given = raw === undefined || raw.trim() === '' ? host : raw;
  const parsed = parseTimeZone(given);
  if (parsed.ok) return parsed;
  const source = raw === undefined || raw.trim() === '' ? 'The host' : 'ACCORD_TIME_ZONE';
  return { ok: false, error: `${source}: ${parsed.error}` };
}

/** One absolute http(s) origin such as `https://accord.example.org`, normalized. */
function parseOrigin(raw: string): Parsed<string> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, error: `"${raw}" is not an absolute URL` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, error: `"${raw}" must start with http:// or https://` };
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== '') {
    return { ok: false, error: `"${raw}" must be an origin only (scheme, host and port)` };
  }
  return { ok: true, value: url.origin };
}

function parseOrigins(raw: string | undefined, port: number): Parsed<string[]> {
  if (raw === undefined || raw.trim() === '') {
    return { ok: true, value: [`http://localhost:${port}`, `http://127.0.0.1:${port}`] };
  }
  const origins: string[] = [];
  for (const part of raw.split(',')) {
    if (part.trim() === '') continue;
    const origin = parseOrigin(part.trim());
    if (!origin.ok) {
      return { ok: false, error: `ACCORD_ORIGINS: ${origin.error} (in "${raw}")` };
    }
    origins.push(origin.value);
  }
  if (origins.length === 0) {
    return { ok: false, error: `ACCORD_ORIGINS must list at least one origin, got "${raw}"` };
  }
  return { ok: true, value: origins };
}

function parseClientDir(raw: string | undefined, cwd: string): Parsed<string | null> {
  if (raw === undefined || raw.trim() === '') {
    return { ok: true, value: existsSync(DEFAULT_CLIENT_DIR) ? DEFAULT_CLIENT_DIR : null };
  }
  const value = resolve(cwd, raw.trim());
  if (!existsSync(value) || !statSync(value).isDirectory()) {
    return { ok: false, error: `ACCORD_CLIENT_DIR must be an existing folder, got "${raw}"` };
  }
  return { ok: true, value };
}

/**
 * Reads and validates the server's environment. Every error names the variable and the bad
 * value. `cwd` resolves relative folders (the process's working directory by default).
 */
export function parseConfig(env: ConfigEnv, cwd: string = process.cwd()): ConfigResult {
  const port = parsePort(env.PORT);
  if (!port.ok) return port;
  const host = parseHost(env.HOST);
  if (!host.ok) return host;
  const dataDir = parseDataDir(env.ACCORD_DATA_DIR, cwd);
  if (!dataDir.ok) return dataDir;
  const allowedOrigins = parseOrigins(env.ACCORD_ORIGINS, port.value);
  if (!allowedOrigins.ok) return allowedOrigins;
  const secureCookies = parseBoolean('ACCORD_SECURE_COOKIES', env.ACCORD_SECURE_COOKIES, false);
  if (!secureCookies.ok) return secureCookies;
  const seedDemo = parseBoolean('ACCORD_SEED_DEMO', env.ACCORD_SEED_DEMO, true);
  if (!seedDemo.ok) return seedDemo;
  const clientDir = parseClientDir(env.ACCORD_CLIENT_DIR, cwd);
  if (!clientDir.ok) return clientDir;
  const defaultTimeZone = parseDefaultTimeZone(env.ACCORD_TIME_ZONE);
  if (!defaultTimeZone.ok) return defaultTimeZone;
  const database = parseDatabase(env);
  if (!database.ok) return database;
  const cluster = parseCluster(env, database.value);
  if (!cluster.ok) return cluster;
  return {
    ok: true,
    value: {
      port: port.value,
      host: host.value,
      dataDir: dataDir.value,
      allowedOrigins: allowedOrigins.value,
      secureCookies: secureCookies.value,
      seedDemo: seedDemo.value,
      clientDir: clientDir.value,
      defaultTimeZone: defaultTimeZone.value,
      database: database.value,
      cluster: cluster.value,
    },
  };
}
