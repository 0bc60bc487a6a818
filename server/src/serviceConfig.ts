import type { Result } from '@accord/shared/result';

/** A parsed value or a message naming the variable and the bad value. */
type Parsed<T> = Result<T, string>;

/** The environment variables read here. */
type ServiceEnv = Record<string, string | undefined>;

/** PostgreSQL instead of the embedded SQLite. */
export interface DatabaseConfig {
  url: string;
  /** The schema Accord's tables live in (`public` by default). */
  schema: string;
}

/** How this server takes part in a cluster. */
export interface ClusterConfig {
  redisUrl: string;
  /**
   * How the other servers reach this one's HTTP API (ACCORD_INTERNAL_URL); by default
   * `http://<HOST>:<PORT>`, with the bound port when PORT is 0.
   */
  internalUrl: string | null;
  /** How long a draft's lease lasts unrenewed (ACCORD_LEASE_MS, 5000 by default). */
  leaseMs: number;
}

function parseServiceUrl(
  name: string,
  raw: string | undefined,
  protocols: readonly string[],
): Parsed<string | null> {
  if (raw === undefined || raw.trim() === '') return { ok: true, value: null };
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, error: `${name} must be a URL, got "${raw}"` };
  }
  if (!protocols.includes(url.protocol)) {
    return {
      ok: false,
      error: `${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}, got "${raw}"`,
    };
  }
  return { ok: true, value: raw.trim() };
}

/** ACCORD_DATABASE_URL and ACCORD_DATABASE_SCHEMA (the admin tool reads them too). */
export function parseDatabase(env: ServiceEnv): Parsed<DatabaseConfig | null> {
  const url = parseServiceUrl('ACCORD_DATABASE_URL', env.ACCORD_DATABASE_URL, [
    'postgres:',
    'postgresql:',
  ]);
  if (!url.ok) return url;
  const schema = env.ACCORD_DATABASE_SCHEMA?.trim() || 'public';
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) {
    return {
      ok: false,
      error: `ACCORD_DATABASE_SCHEMA must be a lower-case SQL name, got "${env.ACCORD_DATABASE_SCHEMA}"`,
    };
  }
  if (url.value === null) {
    if (env.ACCORD_DATABASE_SCHEMA?.trim()) {
      return { ok: false, error: 'ACCORD_DATABASE_SCHEMA needs ACCORD_DATABASE_URL' };
    }
    return { ok: true, value: null };
  }
  return { ok: true, value: { url: url.value, schema } };
}

export function parseCluster(
  env: ServiceEnv,
  database: DatabaseConfig | null,
): Parsed<ClusterConfig | null> {
  const redisUrl = parseServiceUrl('ACCORD_REDIS_URL', env.ACCORD_REDIS_URL, ['redis:', 'rediss:']);
  if (!redisUrl.ok) return redisUrl;
  if (redisUrl.value === null) return { ok: true, value: null };
  if (database === null) {
    return {
      ok: false,
      error:
        'ACCORD_REDIS_URL needs ACCORD_DATABASE_URL: servers that share drafts keep them in PostgreSQL',
    };
  }
  const internalUrl = parseServiceUrl('ACCORD_INTERNAL_URL', env.ACCORD_INTERNAL_URL, [
    'http:',
    'https:',
  ]);
  if (!internalUrl.ok) return internalUrl;
  const rawLease = env.ACCORD_LEASE_MS?.trim();
  const leaseMs = rawLease ? Number(rawLease) : 5_000;
  if (!Number.isInteger(leaseMs) || leaseMs < 200 || leaseMs > 600_000) {
    return {
      ok: false,
      error: `ACCORD_LEASE_MS must be an integer from 200 to 600000, got "${env.ACCORD_LEASE_MS}"`,
    };
  }
  return {
    ok: true,
    value: { redisUrl: redisUrl.value, internalUrl: internalUrl.value, leaseMs },
  };
}
